using CustomerPortal.Core;
using CustomerPortal.Core.Orders;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.DualWrite;
using Microsoft.EntityFrameworkCore;

// string.Compare inside queries is translated to SQL, where SQLite compares with its binary collation;
// the StringComparison overloads have no translation.
#pragma warning disable CA1309

namespace CustomerPortal.Data.Sqlite;

internal sealed class SqliteSalesOrderStore(MirrorDbContext db) : ISalesOrderStore
{
    public async Task<ResultPage<SalesOrderSummary>> ListAsync(CustomerScope scope, SalesOrderQuery query, CancellationToken cancellationToken)
    {
        var pageSize = PageSize.Normalize(query.PageSize);
        var orders = VisibleTo(scope);

        if (query.SearchText is { } search)
        {
            var pattern = LikePattern.Contains(search);
            orders = orders.Where(o => EF.Functions.Like(o.OrderNumber, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.Like(o.RequisitionNumber!, pattern, LikePattern.EscapeCharacter));
        }

        if (query.Status is { } status)
        {
            orders = orders.Where(o => o.ProcessingStatus == status);
        }

        if (query.OrderedFrom is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            orders = orders.Where(o => o.CreatedOn >= start);
        }

        // Up to the last representable day means no upper bound (the day after it cannot be computed).
        if (query.OrderedTo is { } to && to < DateOnly.MaxValue)
        {
            var endExclusive = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            orders = orders.Where(o => o.CreatedOn < endExclusive);
        }

        orders = ApplySortAndKeyset(orders, query.Sort, query.ContinuationToken);

        var rows = await orders
            .Take(pageSize + 1)
            .Select(Records.SalesOrderSummary)
            .ToListAsync(cancellationToken);

        if (rows.Count <= pageSize)
        {
            return new ResultPage<SalesOrderSummary>(rows, null);
        }

        rows.RemoveAt(pageSize);
        var last = rows[^1];
        var key = query.Sort is SalesOrderSort.NewestFirst or SalesOrderSort.OldestFirst ? KeysetToken.FromTicks(last.OrderedOn) : "";
        return new ResultPage<SalesOrderSummary>(rows, KeysetToken.Create(query.Sort.ToString(), key, last.OrderNumber));
    }

    public async Task<SalesOrder?> FindAsync(CustomerScope scope, string orderNumber, CancellationToken cancellationToken)
    {
        var order = await VisibleTo(scope)
            .Where(o => o.OrderNumber == orderNumber)
            .Select(Records.SalesOrderHeader)
            .SingleOrDefaultAsync(cancellationToken);

        if (order is null)
        {
            return null;
        }

        var lines = await db.SalesOrderLines
            .AsNoTracking()
            .Where(l => l.SalesOrderId == order.SalesOrderId)
            .OrderBy(l => l.SequenceNumber)
            .Select(Records.SalesOrderLine)
            .ToListAsync(cancellationToken);

        return order with { Lines = lines };
    }

    public Task<IReadOnlyList<MonthlySpend>> SpendByMonthAsync(CustomerScope scope, DateOnly fromMonth, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Being written (issue 11).");

    // The scope becomes SQL through the one ownership rule: the account and legal entity always, and
    // the contact person too for authorized users.
    private IQueryable<SalesOrderRow> VisibleTo(CustomerScope scope) =>
        db.SalesOrders.AsNoTracking().Where(Ownership.VisibleTo<SalesOrderRow>(scope));

    private static IQueryable<SalesOrderRow> ApplySortAndKeyset(IQueryable<SalesOrderRow> orders, SalesOrderSort sort, string? token)
    {
        var hasKeyset = KeysetToken.TryRead(token, sort.ToString(), out var key, out var number);
        var after = hasKeyset ? KeysetToken.ToDateTime(key) : null;

        switch (sort)
        {
            case SalesOrderSort.OldestFirst:
                if (after is { } oldest)
                {
                    orders = orders.Where(o => o.CreatedOn > oldest
                        || (o.CreatedOn == oldest && string.Compare(o.OrderNumber, number) > 0));
                }

                return orders.OrderBy(o => o.CreatedOn).ThenBy(o => o.OrderNumber);

            case SalesOrderSort.NumberAscending:
                if (hasKeyset)
                {
                    orders = orders.Where(o => string.Compare(o.OrderNumber, number) > 0);
                }

                return orders.OrderBy(o => o.OrderNumber);

            case SalesOrderSort.NumberDescending:
                if (hasKeyset)
                {
                    orders = orders.Where(o => string.Compare(o.OrderNumber, number) < 0);
                }

                return orders.OrderByDescending(o => o.OrderNumber);

            default:
                if (after is { } newest)
                {
                    orders = orders.Where(o => o.CreatedOn < newest
                        || (o.CreatedOn == newest && string.Compare(o.OrderNumber, number) < 0));
                }

                return orders.OrderByDescending(o => o.CreatedOn).ThenByDescending(o => o.OrderNumber);
        }
    }
}
