namespace CustomerPortal.Core.Orders;

public interface ISalesOrderStore
{
    // Orders visible to the scope, newest first unless asked otherwise.
    Task<ResultPage<SalesOrderSummary>> ListAsync(CustomerScope scope, SalesOrderQuery query, CancellationToken cancellationToken);

    // Null when the number is unknown *or* belongs to someone the scope may not see: callers answer 404 either way.
    Task<SalesOrder?> FindAsync(CustomerScope scope, string orderNumber, CancellationToken cancellationToken);

    // Order totals per calendar month (UTC order date) and currency from fromMonth's first day on, canceled
    // orders left out: the dashboard's spend chart.
    Task<IReadOnlyList<MonthlySpend>> SpendByMonthAsync(CustomerScope scope, DateOnly fromMonth, CancellationToken cancellationToken);
}
