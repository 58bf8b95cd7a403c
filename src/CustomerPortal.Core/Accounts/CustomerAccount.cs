namespace CustomerPortal.Core.Accounts;

// account: the Supply Chain Management customer (accountnumber is the SCM customer account).
public sealed record CustomerAccount(
    Guid AccountId,
    string AccountNumber,
    string Name,
    LegalEntity Company,
    PostalAddress Address,
    string? Phone,
    string? Email,
    Currency Currency,
    decimal? CreditLimit,
    bool CreditLimitIsMandatory,
    OnHoldStatus OnHoldStatus,
    string? PriceListName);
