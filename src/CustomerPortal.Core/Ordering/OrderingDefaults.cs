namespace CustomerPortal.Core.Ordering;

// The header fields of a new order that come from the signed-in contact and their customer account.
// The order flow shows them but never asks for them, as in Microsoft's template.
public sealed record OrderingDefaults(
    LegalEntity? Company,
    OrderingAccount? Customer,
    OrderingAccount? InvoiceAccount,
    Guid ContactId,
    string ContactName,
    string? PriceListName,
    Currency? Currency,
    OrderLanguage Language,
    string? ShipToCountry,
    PostalAddress? AccountAddress,
    IReadOnlyList<MissingOrderingField> Missing)
{
    public bool CanOrder => Missing.Count == 0;
}

public sealed record OrderingAccount(Guid AccountId, string AccountNumber, string Name);
