using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using CustomerPortal.Web.Localization;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Branding;

// The public pages: Markdown files in {DataDirectory}/pages, one per page and language (README, Branding):
//   pages/{slug}.{culture}.md (terms.fr-FR.md), else pages/{slug}.{language}.md (terms.fr.md), else pages/{slug}.md,
//   else the default language's file. The title is front matter's "title:" or the first "# " heading.
// Raw HTML is never passed through (written as text), and a link may only lead to http(s), mailto, tel or
// a relative address, so a page file cannot carry script into the portal.
public sealed partial class PublicPages(IOptions<PortalOptions> portal)
{
    // The three pages the portal links itself; without a file each has a built-in text (resources).
    public const string Home = "home";
    public const string Terms = "terms";
    public const string Privacy = "privacy";

    public static readonly IReadOnlyList<string> BuiltIn = [Home, Terms, Privacy];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    // Titles of the extra pages for the footer, kept per file version so a page view reads no file twice.
    private readonly ConcurrentDictionary<(string Path, DateTime Written), string?> _titles = new();

    public string Directory => portal.Value.PathOf("pages");

    // Lower-case letters, digits and hyphens: never a path separator, a dot or "..".
    public static bool IsValidSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    // The page in the culture, or in the nearest language that has it; null when no file exists.
    public PublicPage? Find(string slug, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (!IsValidSlug(slug))
        {
            return null;
        }

        var path = Candidates(slug, culture).Select(name => Path.Combine(Directory, name)).FirstOrDefault(File.Exists);
        return path is null ? null : Render(File.ReadAllText(path), slug);
    }

    // The pages beyond home, terms and privacy, for the footer: slug and title in the culture, by slug.
    public IReadOnlyList<(string Slug, string Title)> Extras(CultureInfo culture)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return [.. System.IO.Directory.EnumerateFiles(Directory, "*.md")
            .Select(path => Path.GetFileName(path).Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Where(slug => IsValidSlug(slug) && !BuiltIn.Contains(slug))
            .Order(StringComparer.Ordinal)
            .Select(slug => (slug, Title: TitleOf(slug, culture)))
            .Where(page => page.Title is not null)
            .Select(page => (page.slug, page.Title!))];
    }

    public static PublicPage Render(string markdown, string slug)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)))
        {
            link.Url = "#";
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !IsSafe(l.Url)))
        {
            link.Url = "#";
        }

        var heading = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var title = FrontMatterTitle(document) ?? (heading is null ? null : TextOf(heading)) ?? slug;
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return new PublicPage(title, new HtmlString(writer.ToString()), HasHeading: heading is not null);
    }

    private string? TitleOf(string slug, CultureInfo culture)
    {
        var path = Candidates(slug, culture).Select(name => Path.Combine(Directory, name)).FirstOrDefault(File.Exists);
        return path is null ? null : _titles.GetOrAdd((path, File.GetLastWriteTimeUtc(path)), key => Render(File.ReadAllText(key.Path), slug).Title);
    }

    private static IEnumerable<string> Candidates(string slug, CultureInfo culture)
    {
        var fallback = PortalCultures.DefaultCulture;
        return new[]
        {
            $"{slug}.{culture.Name}.md", $"{slug}.{culture.TwoLetterISOLanguageName}.md", $"{slug}.md",
            $"{slug}.{fallback.Name}.md", $"{slug}.{fallback.TwoLetterISOLanguageName}.md",
        }.Distinct(StringComparer.Ordinal);
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // A scheme is what comes before the first ':' if no '/', '?' or '#' comes earlier.
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var stop = url.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (stop >= 0 && stop < colon)
            || SafeSchemes.Contains(url[..colon].Trim().ToLowerInvariant());
    }

    private static string? FrontMatterTitle(MarkdownDocument document) =>
        document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is { } block
            ? block.Lines.Lines.Take(block.Lines.Count).Select(line => line.ToString())
                .Where(line => line.StartsWith("title:", StringComparison.OrdinalIgnoreCase))
                .Select(line => line["title:".Length..].Trim().Trim('"', '\''))
                .FirstOrDefault(title => title.Length > 0)
            : null;

    private static string? TextOf(HeadingBlock heading)
    {
        var text = heading.Inline is null ? "" : string.Concat(heading.Inline.Descendants<LeafInline>().Select(leaf => leaf switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        })).Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex SlugPattern();
}

// HasHeading: the Markdown opens with its own "# " heading, so the page prints no other.
public sealed record PublicPage(string Title, HtmlString Content, bool HasHeading);
