using System.Text.RegularExpressions;
using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Orders;
using CustomerPortal.Web.Localization;

namespace CustomerPortal.Web.Tests.Localization;

// Every visible string is a resource and both languages ship complete: catches a key someone added to
// one file only, or used in a page without adding it at all (the page would then show the raw key).
public sealed partial class ResourceCompletenessTests
{
    private static readonly string WebProject = Path.Combine(SeededPortalData.RepositoryRoot, "src", "CustomerPortal.Web");

    public static TheoryData<string, string> LanguagePairs => new()
    {
        { "en-US", "fr-FR" },
        { "fr-FR", "en-US" },
    };

    [Theory]
    [MemberData(nameof(LanguagePairs))]
    public void EveryKeyHasANonEmptyValueInTheOtherLanguage(string from, string to)
    {
        var source = PortalTexts.For(from);
        var target = PortalTexts.For(to);

        var missing = source.Keys.Where(key => string.IsNullOrWhiteSpace(target.ValueOrNull(key))).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"{Path.GetFileName(target.Path)} lacks a value for: {string.Join(", ", missing)}");
        Assert.All(source.Keys, key => Assert.False(string.IsNullOrWhiteSpace(source[key]), $"{key} is empty in {Path.GetFileName(source.Path)}."));
    }

    [Fact]
    public void TranslationsKeepTheSamePlaceholders()
    {
        var mismatched = PortalTexts.English.Keys
            .Where(key => PortalTexts.French.Contains(key))
            .Where(key => !Placeholders(PortalTexts.English[key]).SetEquals(Placeholders(PortalTexts.French[key])))
            .ToList();

        Assert.True(mismatched.Count == 0, $"Placeholders differ between en-US and fr-FR for: {string.Join(", ", mismatched)}");
    }

    [Fact]
    public void EveryLiteralKeyUsedInTheWebProjectExistsInBothLanguages()
    {
        var used = LiteralKeysInSource();

        var missing = used
            .Where(use => !PortalTexts.English.Contains(use.Key) || !PortalTexts.French.Contains(use.Key))
            .Select(use => $"{use.Key} ({use.File})")
            .ToList();

        Assert.True(used.Count > 150, $"The scan found only {used.Count} keys; has the way pages use the localizer changed?");
        Assert.True(missing.Count == 0, "Used but not in the resources: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryComputedKeyPatternMatchesAResource()
    {
        // L[$"Status.{kind}.Title"], L["Culture." + name] and the like: at least the shape must exist.
        var patterns = ComputedKeyPatternsInSource();

        var unmatched = patterns.Where(p => !PortalTexts.English.Keys.Any(key => p.Pattern.IsMatch(key))).Select(p => $"{p.Pattern} ({p.File})").ToList();

        Assert.NotEmpty(patterns);
        Assert.True(unmatched.Count == 0, "No resource has the shape of: " + string.Join(", ", unmatched));
    }

    [Fact]
    public void EveryLabelledEnumMemberRoleAndCultureHasAResource()
    {
        // The computed keys the pages build from values: L.Label(enum), "Role." + role, "Culture." + culture.
        var expected = new[] { typeof(ProcessingStatus), typeof(OrderLineStatus), typeof(OnHoldStatus), typeof(SalesOrderSort), typeof(CustomerRole) }
            .SelectMany(type => Enum.GetNames(type).Select(name => $"{type.Name}.{name}"))
            .Concat(PortalRoles.All.Select(role => $"Role.{role}"))
            .Concat(PortalCultures.Supported.Select(culture => $"Culture.{culture.Name}"))
            .Concat(new[] { "NotFound", "Forbidden", "Other" }.SelectMany(kind => new[] { "Title", "Heading", "Text" }.Select(part => $"Status.{kind}.{part}")))
            .Concat(new[] { "Administrator", "NoCustomer", "Other" }.SelectMany(reason => new[] { "Heading", "Text" }.Select(part => $"AccessDenied.{reason}.{part}")));

        var missing = expected.Where(key => !PortalTexts.English.Contains(key) || !PortalTexts.French.Contains(key)).ToList();

        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }

    private static HashSet<string> Placeholders(string value) =>
        PlaceholderRegex().Matches(value).Select(m => m.Groups[1].Value).ToHashSet();

    private static IEnumerable<(string File, string Text)> SourceFiles() =>
        Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cshtml", StringComparison.Ordinal) || path.EndsWith(".cs", StringComparison.Ordinal))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Path.GetRelativePath(WebProject, path), File.ReadAllText(path)));

    // Key literals in L[...] / localizer[...] (every plain literal inside the brackets, so both sides of a
    // "cond ? A : B" count), in ErrorMessage = "..." and Display(Name = "...") attributes, and in values
    // put into TempData for the next page to localize.
    private static List<(string File, string Key)> LiteralKeysInSource()
    {
        var keys = new List<(string, string)>();
        foreach (var (file, text) in SourceFiles())
        {
            foreach (var indexer in LocalizerIndexers(text))
            {
                keys.AddRange(PlainLiteralRegex().Matches(indexer).Select(m => (file, m.Groups["key"].Value)));
            }

            keys.AddRange(AttributeKeyRegex().Matches(text).Select(m => (file, m.Groups["key"].Value)));
            keys.AddRange(TempDataKeyRegex().Matches(text).Select(m => (file, m.Groups["key"].Value)));
        }

        return keys;
    }

    private static List<(string File, Regex Pattern)> ComputedKeyPatternsInSource()
    {
        var patterns = new List<(string, Regex)>();
        foreach (var (file, text) in SourceFiles())
        {
            foreach (var indexer in LocalizerIndexers(text))
            {
                foreach (Match interpolated in InterpolatedRegex().Matches(indexer))
                {
                    var pattern = "^" + string.Join("[A-Za-z0-9-]+", HoleRegex().Split(interpolated.Groups["body"].Value).Select(Regex.Escape)) + "$";
                    patterns.Add((file, new Regex(pattern, RegexOptions.CultureInvariant)));
                }

                foreach (Match prefix in ConcatenatedPrefixRegex().Matches(indexer))
                {
                    patterns.Add((file, new Regex("^" + Regex.Escape(prefix.Groups["prefix"].Value) + "[A-Za-z0-9-]+$", RegexOptions.CultureInvariant)));
                }
            }
        }

        return patterns;
    }

    // The text between the brackets of every L[...] and localizer[...], brackets balanced.
    private static IEnumerable<string> LocalizerIndexers(string text)
    {
        foreach (Match start in LocalizerStartRegex().Matches(text))
        {
            var depth = 1;
            var i = start.Index + start.Length;
            for (; i < text.Length && depth > 0; i++)
            {
                depth += text[i] switch { '[' => 1, ']' => -1, _ => 0 };
            }

            yield return text[(start.Index + start.Length)..(i - 1)];
        }
    }

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderRegex();

    [GeneratedRegex(@"(?<![\w.])(?:L|localizer|Localizer)\[")]
    private static partial Regex LocalizerStartRegex();

    // "Orders.Title" but not the "Culture." of "Culture." + name, nor an interpolated $"...".
    [GeneratedRegex(@"(?<![$@\w])""(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+)""(?!\s*\+)")]
    private static partial Regex PlainLiteralRegex();

    [GeneratedRegex(@"\$""(?<body>[^""]*\{[^""]*)""")]
    private static partial Regex InterpolatedRegex();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex HoleRegex();

    [GeneratedRegex(@"(?<![$@\w])""(?<prefix>[A-Z][A-Za-z0-9]*\.)""\s*\+")]
    private static partial Regex ConcatenatedPrefixRegex();

    [GeneratedRegex(@"(?:\bErrorMessage|\bDisplay\([^)]*\bName)\s*=\s*""(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+)""")]
    private static partial Regex AttributeKeyRegex();

    [GeneratedRegex(@"TempData\[""\w+""\]\s*=\s*""(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+)""")]
    private static partial Regex TempDataKeyRegex();
}
