using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace CustomerPortal.Web.Tests.Localization;

// Localized pages rendered for real: a resource the localizer cannot find shows as its raw key
// ("Products.NewHint"), which no user should ever read, in either language.
public sealed partial class RenderedTextTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    public async Task NoPageShowsARawResourceKey(string culture)
    {
        var order = portal.Mirror.OrdersOfAccountOf(Personas.Representative)[0].Number;
        var urls = new[]
        {
            "/", "/Orders", "/Orders?sort=Bogus", "/Orders?from=2026-02-02&to=2026-01-01", "/Orders?search=nothing-matches", $"/Orders/{order}",
            "/Orders/SO-0000000", "/Account", "/Products", "/Products?search=nothing-matches", "/Identity/Account/Logout", "/StatusCode/403", "/StatusCode/500",
        };
        using var anonymous = portal.CreatePortalClient();
        using var client = portal.CreatePortalClient();
        anonymous.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        await client.SignInAsync(Personas.Representative, Personas.Password);

        var pages = new List<(string Url, IDocument Page)> { ("/Identity/Account/Login", (await anonymous.GetAsync("/Identity/Account/Login")).Document) };
        foreach (var url in urls)
        {
            pages.Add((url, (await client.GetAsync(url)).Document));
        }

        var raw = pages
            .SelectMany(page => RawKeys(page.Page).Select(key => $"{key} on {page.Url}"))
            .Distinct()
            .ToList();
        Assert.True(raw.Count == 0, "Raw resource keys on the pages: " + string.Join(", ", raw));
        Assert.All(pages, page => Assert.Equal(culture, page.Page.DocumentElement.GetAttribute("lang")));
    }

    // Key-shaped words in what a user reads or hears (text, labels, placeholders, titles) that are a key,
    // or start like one ("Products." + anything).
    private static IEnumerable<string> RawKeys(IDocument page)
    {
        var families = PortalTexts.English.Keys.Select(key => key[..(key.IndexOf('.', StringComparison.Ordinal) + 1)]).ToHashSet(StringComparer.Ordinal);
        var readable = new[] { page.Title ?? "", page.Body!.TextContent }
            .Concat(page.QuerySelectorAll("[aria-label], [placeholder], [title]")
                .SelectMany(e => new[] { e.GetAttribute("aria-label"), e.GetAttribute("placeholder"), e.GetAttribute("title") })
                .OfType<string>());
        return readable
            .SelectMany(text => KeyLikeRegex().Matches(text).Select(m => m.Value))
            .Where(word => PortalTexts.English.Contains(word) || families.Contains(word[..(word.IndexOf('.', StringComparison.Ordinal) + 1)]));
    }

    [GeneratedRegex(@"(?<![\w.-])[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+(?![\w-])")]
    private static partial Regex KeyLikeRegex();
}
