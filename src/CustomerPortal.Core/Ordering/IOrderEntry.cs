namespace CustomerPortal.Core.Ordering;

// Placing a sales order, as the order pages see it. One implementation, OrderEntry, over whichever data
// source is configured (IOrderEntryStore); a submit writes under the salesorderid the portal chose
// when the draft was created.
public interface IOrderEntry
{
    // What a new order takes from the signed-in contact and their customer account, and what is missing.
    Task<OrderingDefaults> GetDefaultsAsync(CustomerScope scope, CancellationToken cancellationToken);

    // Products by item number (msdyn_productnumber, case-insensitive) or product id, priced on the
    // scope's price list. Unknown numbers and ids are simply absent; known products that cannot be
    // ordered come back with the reason.
    Task<IReadOnlyList<OrderableProduct>> LookUpAsync(
        CustomerScope scope, IReadOnlyCollection<string> itemNumbers, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken);

    // Writes the order and all its lines in one atomic operation, priced and defaulted from the scope
    // (never from the caller). Idempotent on SalesOrderId: submitting an id that
    // already exists for this scope returns that order and writes nothing.
    Task<SubmitResult> SubmitAsync(CustomerScope scope, NewSalesOrder order, CancellationToken cancellationToken);
}
