using System.Globalization;

namespace CustomerPortal.Web.Localization;

public static class PortalCultures
{
    public const string Default = "en-US";

    public static readonly IReadOnlyList<CultureInfo> Supported = [new("en-US"), new("fr-FR"), new("sv-SE"), new("ko-KR"), new("el-GR")];

    // The culture of whoever has not chosen one (a mail to a contact without a language, a new invitation).
    public static CultureInfo DefaultCulture { get; } = Supported.Single(culture => culture.Name == Default);

    public static CultureInfo? Find(string? name) =>
        Supported.FirstOrDefault(culture => string.Equals(culture.Name, name, StringComparison.OrdinalIgnoreCase));

    // Browsers send "fr-CA" or just "fr"; any variant of a language we speak gets our culture for it.
    public static CultureInfo? ForLanguage(string language) =>
        Supported.FirstOrDefault(culture => string.Equals(culture.TwoLetterISOLanguageName,
            language.Split('-')[0], StringComparison.OrdinalIgnoreCase));
}
