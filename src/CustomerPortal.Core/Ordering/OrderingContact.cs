namespace CustomerPortal.Core.Ordering;

// What a data source reads about the signed-in contact before an order: its links as stored,
// unchecked. OrderingRules.DefaultsFor decides what of it counts for the scope.
public sealed record OrderingContact(
    string FullName,
    Guid? AccountId,
    Guid? CompanyId,
    LegalEntity? Company,
    OrderingAccount? Account,
    PostalAddress? AccountAddress,
    Guid? PriceListId,
    string? PriceListName,
    Guid? CurrencyId,
    Currency? Currency,
    string? Country);
