namespace CustomerPortal.Core.Ordering;

// The write side of the port: what placing a sales order needs from a data source. Shaped so that
// Dataverse can serve each call in one or two Web API requests: defaults are one contact read with
// its account expanded, product lookups hit cached reference data, and a submit is one deep insert
// (salesorder with order_details) under a salesorderid the portal chose when the draft was created.
public interface IOrderEntry
{
    // What a new order takes from the signed-in contact and their customer account, and what is missing.
    Task<OrderingDefaults> GetDefaultsAsync(CustomerScope scope, CancellationToken cancellationToken);

    // Products by item number (msdyn_productnumber, case-insensitive) or product id, priced on the
    // scope's price list. Unknown numbers and ids are simply absent; known products that cannot be
    // ordered come back with the reason.
    Task<IReadOnlyList<OrderableProduct>> LookUpAsync(
        CustomerScope scope, IReadOnlyCollection<string> itemNumbers, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken);

    // Writes the order and all its lines in one atomic operation, priced and defaulted by the data
    // source from the scope (never from the caller). Idempotent on SalesOrderId: submitting an id that
    // already exists for this scope returns that order and writes nothing.
    Task<SubmitResult> SubmitAsync(CustomerScope scope, NewSalesOrder order, CancellationToken cancellationToken);
}
