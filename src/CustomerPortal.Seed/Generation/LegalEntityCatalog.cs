namespace CustomerPortal.Seed.Generation;

// The legal entities a profile can use, in the order they are used: a profile with three companies
// gets USMF, DEMF and GBSI. Codes and names follow the Contoso demo data of Supply Chain Management.
internal static class LegalEntityCatalog
{
    private static readonly CurrencyTemplate UsDollar = new("USD", "US Dollar", "$", 2, 1.00m);
    private static readonly CurrencyTemplate Euro = new("EUR", "Euro", "€", 2, 0.92m);
    private static readonly CurrencyTemplate PoundSterling = new("GBP", "Pound Sterling", "£", 2, 0.79m);
    private static readonly CurrencyTemplate CanadianDollar = new("CAD", "Canadian Dollar", "CA$", 2, 1.37m);
    private static readonly CurrencyTemplate Yen = new("JPY", "Japanese Yen", "¥", 0, 151.50m);
    private static readonly CurrencyTemplate SwissFranc = new("CHF", "Swiss Franc", "CHF", 2, 0.88m);

    // Bogus has no Swiss street names or towns and falls back to American ones, so Swiss customers get
    // German-locale streets with Swiss postcodes. Japanese street lines are written by AddressWriter.
    public static IReadOnlyList<LegalEntityTemplate> All { get; } =
    [
        new("USMF", "Contoso Entertainment System USA", "United States", "en_US", "en_US", true, UsDollar, "US"),
        new("DEMF", "Contoso Entertainment Systems Germany", "Germany", "de", "de", false, Euro, "DE"),
        new("GBSI", "Contoso Entertainment Systems UK", "United Kingdom", "en_GB", "en_GB", false, PoundSterling, "GB"),
        new("FRRT", "Contoso Retail France", "France", "fr", "fr", false, Euro, "FR"),
        new("CAMF", "Contoso Entertainment Systems Canada", "Canada", "en_CA", "en_CA", true, CanadianDollar, "CA"),
        new("JPMF", "Contoso Entertainment Systems Japan", "Japan", "ja", "ja", true, Yen, "JP"),
        new("CHMF", "Contoso Entertainment Systems Switzerland", "Switzerland", "de_CH", "de", false, SwissFranc, "CH"),
    ];

    public static string Codes => string.Join(", ", All.Select(e => e.Code));
}
