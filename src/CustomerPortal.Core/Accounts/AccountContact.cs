namespace CustomerPortal.Core.Accounts;

// A contact of the customer account, as the account page lists them for representatives.
public sealed record AccountContact(
    Guid ContactId,
    string FullName,
    string? Email,
    string? Phone,
    string? JobTitle);
