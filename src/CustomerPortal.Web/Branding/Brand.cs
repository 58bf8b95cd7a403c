using System.Text.RegularExpressions;

namespace CustomerPortal.Web.Branding;

// The Branding section checked once at start-up: a mistake stops the portal with a message naming the key,
// rather than showing customers a broken logo or unreadable buttons.
//
// Colours that fail WCAG AA (4.5:1) stop start-up too, with the measured ratio, instead of being adjusted:
// the colour is the company's own choice, a silently altered brand colour would surprise whoever chose it
// (and a warning in a log is read by nobody), and unreadable buttons and links shut people out.
public sealed partial class Brand
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".webp"] = "image/webp",
        [".ico"] = "image/x-icon",
    };

    private Brand(BrandingOptions options, BrandTheme theme, BrandFile? logo, BrandFile? favicon)
    {
        PortalName = string.IsNullOrWhiteSpace(options.PortalName) ? null : options.PortalName.Trim();
        CompanyName = string.IsNullOrWhiteSpace(options.CompanyName) ? null : options.CompanyName.Trim();
        ContactEmail = string.IsNullOrWhiteSpace(options.ContactEmail) ? null : options.ContactEmail.Trim();
        Theme = theme;
        Logo = logo;
        Favicon = favicon;
        ThemeUrl = "/brand/theme.css?v=" + theme.Version;
    }

    // Null: the translated built-in name (App.Name).
    public string? PortalName { get; }

    public string? CompanyName { get; }

    public string? ContactEmail { get; }

    public BrandTheme Theme { get; }

    public BrandFile? Logo { get; }

    public BrandFile? Favicon { get; }

    // Every page links it: built once rather than on each page.
    public string ThemeUrl { get; }

    public static Brand Load(BrandingOptions options, PortalOptions portal)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(portal);
        var primary = Color(nameof(BrandingOptions.PrimaryColor), options.PrimaryColor);
        var accent = Color(nameof(BrandingOptions.AccentColor), options.AccentColor);
        Readable(nameof(BrandingOptions.PrimaryColor), primary, BrandColor.White, "white text on it");
        Readable(nameof(BrandingOptions.AccentColor), accent, BrandColor.White, "white text on it");
        Readable(nameof(BrandingOptions.AccentColor), accent, BrandTheme.Surface, $"the page background {BrandTheme.Surface.Hex}");
        if (!string.IsNullOrWhiteSpace(options.FontStack) && !FontStackPattern().IsMatch(options.FontStack))
        {
            throw Invalid(nameof(BrandingOptions.FontStack),
                $"'{options.FontStack}' is not a font list: use font names, quotes, commas and spaces only (e.g. \"Inter, system-ui, sans-serif\").");
        }

        if (!string.IsNullOrWhiteSpace(options.ContactEmail) && !options.ContactEmail.Contains('@', StringComparison.Ordinal))
        {
            throw Invalid(nameof(BrandingOptions.ContactEmail), $"'{options.ContactEmail}' is not an e-mail address.");
        }

        return new Brand(options, new BrandTheme(primary, accent, options.FontStack),
            File(nameof(BrandingOptions.LogoFile), options.LogoFile, "logo", portal),
            File(nameof(BrandingOptions.FaviconFile), options.FaviconFile, "favicon", portal));
    }

    private static BrandColor Color(string key, string? value) =>
        BrandColor.TryParse(value, out var color) ? color
            : throw Invalid(key, $"'{value}' is not a colour: write it as #rrggbb (e.g. {BrandTheme.DefaultPrimary}).");

    private static void Readable(string key, BrandColor color, BrandColor other, string against)
    {
        var ratio = color.ContrastWith(other);
        if (ratio < BrandTheme.MinimumContrast)
        {
            throw Invalid(key, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{color.Hex} has a contrast ratio of {Math.Floor(ratio * 100) / 100:0.00}:1 with {against}; WCAG AA needs at least {BrandTheme.MinimumContrast}:1 for text. Choose a darker colour."));
        }
    }

    private static BrandFile? File(string key, string? value, string name, PortalOptions portal)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var extension = Path.GetExtension(value);
        if (!ContentTypes.TryGetValue(extension, out var contentType))
        {
            throw Invalid(key, $"'{value}' is not an svg, png, webp or ico file.");
        }

        var path = Path.GetFullPath(value, Path.GetFullPath(portal.DataDirectory));
        if (!System.IO.File.Exists(path))
        {
            throw Invalid(key, $"'{path}' does not exist. The path is relative to Portal:DataDirectory.");
        }

        var bytes = System.IO.File.ReadAllBytes(path);
        return new BrandFile($"/brand/{name}{extension.ToLowerInvariant()}", path, contentType, bytes);
    }

    private static InvalidOperationException Invalid(string key, string problem) => new($"{BrandingOptions.Section}:{key}: {problem}");

    [GeneratedRegex(@"^[\p{L}\p{N} ,'""._-]+$")]
    private static partial Regex FontStackPattern();
}

// A logo or favicon, read once at start-up (replace the file, then restart) and served at Path?v=Version.
public sealed class BrandFile(string path, string fullPath, string contentType, byte[] content)
{
    public string Path { get; } = path;

    public string FullPath { get; } = fullPath;

    public string ContentType { get; } = contentType;

    public byte[] Content { get; } = content;

    public string Version { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))[..12];

    public string Url => Path + "?v=" + Version;
}
