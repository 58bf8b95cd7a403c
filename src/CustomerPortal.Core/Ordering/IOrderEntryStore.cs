using CustomerPortal.Core.Products;

namespace CustomerPortal.Core.Ordering;

// What placing a sales order needs from a data source: reads as stored and one atomic write. No rules
// here: OrderEntry checks, defaults, prices and numbers the order; each data source maps to its tables.
// Shaped so that Dataverse serves a submit in two Web API requests: one contact read with its account
// expanded, product lookups from cached reference data, and one deep insert.
public interface IOrderEntryStore
{
    // The contact with its customer account, legal entity, price list and currency, as stored and
    // unchecked; null when the contact is gone or inactive.
    Task<OrderingContact?> ReadContactAsync(Guid contactId, CancellationToken cancellationToken);

    // Products by exact item number or by id, each with its price on the price list in its default unit.
    // A source that compares item numbers case-insensitively may return more; OrderEntry keeps the exact ones.
    Task<IReadOnlyList<ListedProduct>> LookUpAsync(
        Guid? priceListId, IReadOnlyCollection<string> itemNumbers, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken);

    // Takes the next number of the portal's sequence in the order's legal entity and writes header and
    // lines in one atomic operation, so no two orders get one number; returns the number. Null when the
    // salesorderid is already taken: then nothing is written.
    Task<string?> InsertAsync(PlacedSalesOrder order, CancellationToken cancellationToken);

    // The order stored under this salesorderid, whoever it belongs to; null when there is none.
    Task<StoredSalesOrder?> FindAsync(Guid salesOrderId, CancellationToken cancellationToken);
}

// A product as stored. UnitPrice and PriceCurrency are null when the product is not on the price list.
public sealed record ListedProduct(
    Guid ProductId,
    string ItemNumber,
    string Name,
    ProductState State,
    Guid UnitId,
    string Unit,
    int QuantityDecimals,
    decimal? UnitPrice,
    Currency? PriceCurrency);

// Who an existing order belongs to: enough to tell a retry from an id another customer's order holds.
public sealed record StoredSalesOrder(string OrderNumber, Guid? CustomerAccountId, Guid? CompanyId, Guid? ContactPersonId);
