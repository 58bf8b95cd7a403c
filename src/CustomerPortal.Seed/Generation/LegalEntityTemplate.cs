namespace CustomerPortal.Seed.Generation;

// A built-in legal entity (cdm_company) and how its customers look: the Bogus locale for names and
// phone numbers, the locale that writes believable street addresses for the country, whether the
// country's addresses carry a state or province, and the prefix of its customer account numbers.
internal sealed record LegalEntityTemplate(
    string Code,
    string Name,
    string Country,
    string Locale,
    string AddressLocale,
    bool HasStateOrProvince,
    CurrencyTemplate Currency,
    string AccountPrefix);
