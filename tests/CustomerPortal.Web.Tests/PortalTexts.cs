using System.Globalization;
using System.Xml.Linq;

namespace CustomerPortal.Web.Tests;

// The portal's user-visible strings, read from the .resx files in the source tree, so tests look for
// what a user reads ("Invalid sign-in attempt.") without copying the wording into every test.
public sealed class PortalTexts
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PortalTexts> Translations = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, string> _values;

    // The keys whose <data> carries <comment>identical</comment>: a translation meant to equal the English text.
    private readonly HashSet<string> _identical;

    private PortalTexts(string path, CultureInfo culture)
    {
        Path = path;
        Culture = culture;
        var data = XDocument.Load(path).Root!.Elements("data").ToList();
        _values = data.ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
        _identical = data.Where(d => ((string?)d.Element("comment"))?.Trim() == "identical")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
    }

    public static string ResourceDirectory { get; } =
        System.IO.Path.Combine(SeededPortalData.RepositoryRoot, "src", "CustomerPortal.Web", "Resources");

    public static PortalTexts English { get; } = new(System.IO.Path.Combine(ResourceDirectory, "SharedResource.resx"), new CultureInfo("en-US"));

    public static PortalTexts French => For("fr-FR");

    public string Path { get; }

    public CultureInfo Culture { get; }

    public IReadOnlyCollection<string> Keys => (IReadOnlyCollection<string>)_values.Keys;

    public string this[string key] => _values.TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"'{key}' is not in {System.IO.Path.GetFileName(Path)}.");

    public string this[string key, params object[] arguments] => string.Format(Culture, this[key], arguments);

    public bool Contains(string key) => _values.ContainsKey(key);

    public string? ValueOrNull(string key) => _values.GetValueOrDefault(key);

    public bool IsMarkedIdentical(string key) => _identical.Contains(key);

    // English is SharedResource.resx; every other supported culture has SharedResource.<culture>.resx.
    public static PortalTexts For(string cultureName) => cultureName == "en-US"
        ? English
        : Translations.GetOrAdd(cultureName, name => new PortalTexts(
            System.IO.Path.Combine(ResourceDirectory, $"SharedResource.{name}.resx"), new CultureInfo(name)));
}
