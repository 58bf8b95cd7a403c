using System.Globalization;

namespace CustomerPortal.Web.Demo;

// One entry of personas[] in seed-profile.json (written by the seed from seed/demo.json). Description is
// the default text; Descriptions holds it per language ("fr-FR": "…"), next to the persona because whoever
// writes their own personas writes their texts too, not resource keys.
public sealed record DemoPersona(
    string Email,
    string Password,
    string Role,
    string? Description,
    string? FirstName,
    string? LastName,
    string? AccountNumber,
    IReadOnlyDictionary<string, string>? Descriptions = null)
{
    public string FullName => $"{FirstName} {LastName}".Trim();

    // The text in the reader's culture, else in their language (an "fr-FR" text for fr-CA), else the default.
    public string? DescriptionIn(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return TextWhere(key => string.Equals(key, culture.Name, StringComparison.OrdinalIgnoreCase))
            ?? TextWhere(key => string.Equals(key.Split('-')[0], culture.TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase))
            ?? Description;
    }

    private string? TextWhere(Func<string, bool> culture) =>
        Descriptions?.FirstOrDefault(text => culture(text.Key) && !string.IsNullOrWhiteSpace(text.Value)).Value;
}
