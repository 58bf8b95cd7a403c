namespace CustomerPortal.Core.Contacts;

// A contact as an invitation sees it: who it is and whether it was prepared for the portal, i.e. linked
// to the customer account and legal entity it will act for, with the price list, currency and country
// an order needs. Inviting an unprepared contact is how people end up attached to the wrong customer.
public sealed record ContactCandidate(
    Guid ContactId,
    string FullName,
    string? Email,
    string? Phone,
    string? JobTitle,
    Guid? AccountId,
    string? AccountNumber,
    string? AccountName,
    Guid? AccountCompanyId,
    Guid? CompanyId,
    string? CompanyCode,
    Guid? PriceListId,
    Guid? CurrencyId,
    string? Country)
{
    public IReadOnlyList<ContactRequirement> Missing
    {
        get
        {
            var missing = new List<ContactRequirement>();
            if (string.IsNullOrWhiteSpace(Email))
            {
                missing.Add(ContactRequirement.Email);
            }

            if (AccountId is null)
            {
                missing.Add(ContactRequirement.CustomerAccount);
            }

            if (CompanyId is null)
            {
                missing.Add(ContactRequirement.Company);
            }
            else if (AccountId is not null && AccountCompanyId != CompanyId)
            {
                missing.Add(ContactRequirement.CompanyOfAccount);
            }

            if (PriceListId is null)
            {
                missing.Add(ContactRequirement.PriceList);
            }

            if (CurrencyId is null)
            {
                missing.Add(ContactRequirement.Currency);
            }

            if (string.IsNullOrWhiteSpace(Country))
            {
                missing.Add(ContactRequirement.Country);
            }

            return missing;
        }
    }

    public bool IsReady => Missing.Count == 0;
}
