using System.Globalization;
using System.Xml.Linq;

namespace CustomerPortal.Web.Tests;

// The portal's user-visible strings, read from the .resx files in the source tree, so tests look for
// what a user reads ("Invalid sign-in attempt.") without copying the wording into every test.
public sealed class PortalTexts
{
    private readonly IReadOnlyDictionary<string, string> _values;

    private PortalTexts(string path, CultureInfo culture)
    {
        Path = path;
        Culture = culture;
        _values = XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "", StringComparer.Ordinal);
    }

    public static string ResourceDirectory { get; } =
        System.IO.Path.Combine(SeededPortalData.RepositoryRoot, "src", "CustomerPortal.Web", "Resources");

    public static PortalTexts English { get; } = new(System.IO.Path.Combine(ResourceDirectory, "SharedResource.resx"), new CultureInfo("en-US"));

    public static PortalTexts French { get; } = new(System.IO.Path.Combine(ResourceDirectory, "SharedResource.fr-FR.resx"), new CultureInfo("fr-FR"));

    public string Path { get; }

    public CultureInfo Culture { get; }

    public IReadOnlyCollection<string> Keys => (IReadOnlyCollection<string>)_values.Keys;

    public string this[string key] => _values.TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"'{key}' is not in {System.IO.Path.GetFileName(Path)}.");

    public string this[string key, params object[] arguments] => string.Format(Culture, this[key], arguments);

    public bool Contains(string key) => _values.ContainsKey(key);

    public string? ValueOrNull(string key) => _values.GetValueOrDefault(key);

    public static PortalTexts For(string cultureName) => cultureName switch
    {
        "en-US" => English,
        "fr-FR" => French,
        _ => Translations.GetOrAdd(cultureName, name => File.Exists(FileOf(name))
            ? new PortalTexts(FileOf(name), new CultureInfo(name))
            : throw new FileNotFoundException($"{System.IO.Path.GetFileName(FileOf(name))} is missing: the portal has no {name} translation in {ResourceDirectory}.", FileOf(name))),
    };

    // Any other culture's resx, read once when a test first asks for it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PortalTexts> Translations = new(StringComparer.Ordinal);

    private static string FileOf(string cultureName) => System.IO.Path.Combine(ResourceDirectory, $"SharedResource.{cultureName}.resx");
}
