using System.Text;
using Bogus.Extensions;

namespace CustomerPortal.Seed.Generation;

// Email addresses that belong to the customer: every contact of an account shares the account's domain.
// Domains end in .example (RFC 2606), so a demo can never mail a real company.
internal static class EmailNames
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "inc", "llc", "ltd", "plc", "group", "gruppe", "gmbh", "ag", "kg", "ohg", "co", "und", "and", "sa", "sas", "sarl", "et", "cie", "sons",
    };

    // "Mueller und Soehne GmbH" becomes mueller-soehne.example. Names that do not transliterate to
    // Latin letters (Japanese) fall back to the account number.
    public static string DomainFor(string accountName, string accountNumber, string locale)
    {
        var words = Ascii(accountName, locale)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !LegalForms.Contains(word))
            .Take(2)
            .ToList();
        var name = words.Count > 0 ? string.Join('-', words) : accountNumber.ToLowerInvariant();
        return name + ".example";
    }

    // first.last, or f.last when shortInitial is set; a fallback when the name has no Latin letters.
    public static string LocalPart(string firstName, string lastName, string locale, bool shortInitial, string fallback)
    {
        var first = Ascii(firstName, locale).Replace(" ", "", StringComparison.Ordinal);
        var last = Ascii(lastName, locale).Replace(" ", "", StringComparison.Ordinal);
        if (first.Length == 0 || last.Length == 0)
        {
            return fallback;
        }

        return (shortInitial ? first[..1] : first) + "." + last;
    }

    private static string Ascii(string text, string locale)
    {
        var transliterated = text.Transliterate(locale.Split('_')[0]).ToLowerInvariant();
        var ascii = new StringBuilder(transliterated.Length);
        foreach (var character in transliterated)
        {
            ascii.Append(character is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? character : ' ');
        }

        return ascii.ToString();
    }
}
