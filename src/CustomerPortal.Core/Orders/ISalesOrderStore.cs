namespace CustomerPortal.Core.Orders;

public interface ISalesOrderStore
{
    // Orders visible to the scope, newest first unless asked otherwise.
    Task<ResultPage<SalesOrderSummary>> ListAsync(CustomerScope scope, SalesOrderQuery query, CancellationToken cancellationToken);

    // Null when the number is unknown *or* belongs to someone the scope may not see: callers answer 404 either way.
    Task<SalesOrder?> FindAsync(CustomerScope scope, string orderNumber, CancellationToken cancellationToken);
}
