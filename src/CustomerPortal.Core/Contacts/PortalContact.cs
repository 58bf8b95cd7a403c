namespace CustomerPortal.Core.Contacts;

// The contact a portal user is linked to, with what the portal needs to build its scope.
// Account, company and price list can be missing on a contact that is not prepared yet.
public sealed record PortalContact(
    Guid ContactId,
    string FullName,
    string? Email,
    Guid? AccountId,
    string? AccountNumber,
    string? AccountName,
    Guid? CompanyId,
    string? CompanyCode,
    Guid? PriceListId);
