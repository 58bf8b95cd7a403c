namespace CustomerPortal.Core.Contacts;

// What a contact needs before it can be invited (see ContactCandidate.Missing).
public enum ContactRequirement
{
    Email = 1,
    CustomerAccount = 2,
    Company = 3,
    // The contact's legal entity differs from its customer account's: orders would go to the wrong company.
    CompanyOfAccount = 4,
    PriceList = 5,
    Currency = 6,
    Country = 7,
}
