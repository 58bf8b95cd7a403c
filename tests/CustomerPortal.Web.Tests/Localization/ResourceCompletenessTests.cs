using System.Text.RegularExpressions;
using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Orders;
using CustomerPortal.Web.Localization;

namespace CustomerPortal.Web.Tests.Localization;

// Every visible string is a resource and every language in PortalCultures.Supported ships complete: catches
// a key someone added to one file only, an English text copied untranslated, a lost placeholder, or a key used
// in a page without adding it at all (the page would then show the raw key).
public sealed partial class ResourceCompletenessTests
{
    private static readonly string WebProject = Path.Combine(SeededPortalData.RepositoryRoot, "src", "CustomerPortal.Web");

    // Every language the portal offers besides English, each in SharedResource.<culture>.resx.
    public static TheoryData<string> Translations => new(PortalCultures.Supported.Select(c => c.Name).Where(name => name != PortalCultures.Default));

    [Fact]
    public void EveryEnglishKeyHasAValue()
    {
        var empty = PortalTexts.English.Keys.Where(key => string.IsNullOrWhiteSpace(PortalTexts.English[key])).Order(StringComparer.Ordinal).ToList();

        Assert.True(PortalTexts.English.Keys.Count > 500, "SharedResource.resx was not read.");
        Assert.True(empty.Count == 0, "Empty in SharedResource.resx: " + string.Join(", ", empty));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryKeyHasANonEmptyValueInTheTranslation(string culture)
    {
        var target = Translation(culture);

        var missing = PortalTexts.English.Keys.Where(key => string.IsNullOrWhiteSpace(target.ValueOrNull(key))).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"{Path.GetFileName(target.Path)} lacks a value for {missing.Count} keys: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void TheTranslationHasNoKeyThatEnglishLacks(string culture)
    {
        var target = Translation(culture);

        var extra = target.Keys.Where(key => !PortalTexts.English.Contains(key)).Order(StringComparer.Ordinal).ToList();

        Assert.True(extra.Count == 0, $"{Path.GetFileName(target.Path)} has keys SharedResource.resx does not: {string.Join(", ", extra)}");
    }

    // An untranslated copy of the English text is the usual way a string slips through; a value that is
    // the same on purpose (a brand, a language's own name, "OK") says so with <comment>identical</comment>.
    [Theory]
    [MemberData(nameof(Translations))]
    public void AValueEqualToTheEnglishOneIsMarkedIdentical(string culture)
    {
        var target = Translation(culture);

        var untranslated = PortalTexts.English.Keys
            .Where(key => target.Contains(key) && !target.IsMarkedIdentical(key))
            .Where(key => string.Equals(target[key].Trim(), PortalTexts.English[key].Trim(), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

        Assert.True(untranslated.Count == 0,
            $"{Path.GetFileName(target.Path)} repeats the English text, without <comment>identical</comment>, for {untranslated.Count} keys: {string.Join(", ", untranslated)}");
    }

    // {0} and {1:N0} must survive translation: a lost or renumbered placeholder drops a value or throws a
    // FormatException on the page; a changed format spec ("{0:d}" for "{0:D}") writes it differently.
    [Theory]
    [MemberData(nameof(Translations))]
    public void TranslationsKeepTheSamePlaceholders(string culture)
    {
        var target = Translation(culture);

        var mismatched = PortalTexts.English.Keys
            .Where(key => target.Contains(key))
            .Where(key => !Placeholders(PortalTexts.English[key]).SetEquals(Placeholders(target[key])))
            .Select(key => $"{key} ({string.Join(" ", Placeholders(PortalTexts.English[key]).Order(StringComparer.Ordinal))} ≠ {string.Join(" ", Placeholders(target[key]).Order(StringComparer.Ordinal))})")
            .ToList();

        Assert.True(mismatched.Count == 0, $"Placeholders differ between en-US and {culture} for: {string.Join(", ", mismatched)}");
    }

    [Theory]
    [InlineData("Order {0} of {1:N0}", "Commande {0} sur {1:N0}", true)]
    [InlineData("Order {0} of {1:N0}", "{1:N0} : commande {0}", true)]
    [InlineData("Order {0} of {1:N0}", "Commande {0} sur {1}", false)]
    [InlineData("Order {0} of {1}", "Commande {0} sur {2}", false)]
    [InlineData("Due {0:d}", "Échéance {0:D}", false)]
    [InlineData("{0} items", "{{0}} articles", false)]
    [InlineData("Use {{braces}} for {0}", "Des {{accolades}} pour {0}", true)]
    public void PlaceholdersCompareIndexAndFormat(string english, string translated, bool same) =>
        Assert.Equal(same, Placeholders(english).SetEquals(Placeholders(translated)));

    // In English; the translations are held to English by the tests above.
    [Fact]
    public void EveryLiteralKeyUsedInTheWebProjectExistsInEnglish()
    {
        var used = LiteralKeysInSource();

        var missing = used
            .Where(use => !PortalTexts.English.Contains(use.Key))
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

        var missing = expected.Where(key => !PortalTexts.English.Contains(key)).ToList();

        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }

    private static PortalTexts Translation(string culture)
    {
        var file = Path.Combine(PortalTexts.ResourceDirectory, $"SharedResource.{culture}.resx");
        Assert.True(File.Exists(file), $"{culture} is in PortalCultures.Supported but {Path.GetFileName(file)} does not exist.");
        return PortalTexts.For(culture);
    }

    // "{1:N0}" as "1:N0"; doubled braces are literal text, not placeholders.
    private static HashSet<string> Placeholders(string value) =>
        PlaceholderRegex().Matches(value.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(m => m.Groups[1].Value + m.Groups[2].Value).ToHashSet(StringComparer.Ordinal);

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

    [GeneratedRegex(@"\{(\d+)([,:][^{}]*)?\}")]
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
