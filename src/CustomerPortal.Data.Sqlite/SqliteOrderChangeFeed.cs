using CustomerPortal.Core.Orders;
using CustomerPortal.Data.Sqlite.Mirror;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Data.Sqlite;

// The change feed over the mirror: salesorder rows by modifiedon. Guids have no order in LINQ, so the tie-breaker
// is applied in memory: a page never ends in the middle of a group of rows with the same modifiedon (the
// group is completed), so the id only matters for rows written later with exactly the mark's modifiedon.
internal sealed class SqliteOrderChangeFeed(MirrorDbContext db) : IOrderChangeFeed
{
    public async Task<IReadOnlyList<ChangedOrder>> ReadChangesSinceAsync(OrderChangeMark? since, int maxOrders, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOrders, 1);
        var orders = db.SalesOrders.AsNoTracking();
        var after = since?.ModifiedOn ?? DateTime.MinValue;

        var sameInstant = since is { } mark
            ? (await orders.Where(o => o.ModifiedOn == mark.ModifiedOn).ToListAsync(cancellationToken))
                .Where(o => IdOrder.Compare(o.SalesOrderId, mark.SalesOrderId) > 0)
            : [];

        var later = await orders.Where(o => o.ModifiedOn > after)
            .OrderBy(o => o.ModifiedOn)
            .Take(maxOrders)
            .ToListAsync(cancellationToken);
        if (later.Count == maxOrders)
        {
            // Complete the last instant's group, so the next read can start strictly after it.
            var last = later[^1].ModifiedOn;
            later = await orders.Where(o => o.ModifiedOn > after && o.ModifiedOn <= last).ToListAsync(cancellationToken);
        }

        return [.. sameInstant.Concat(later)
            .OrderBy(o => o.ModifiedOn).ThenBy(o => o.SalesOrderId, IdOrder)
            .Select(o => new ChangedOrder(o.SalesOrderId, o.OrderNumber, o.CustomerId, o.CompanyId, o.ContactPersonId,
                o.ProcessingStatus, o.ConfirmedReceiptDate, o.RequestedReceiptDate, DateTime.SpecifyKind(o.ModifiedOn, DateTimeKind.Utc)))];
    }

    // Ids ordered as their text: any fixed order would do, as long as it is the same at every read.
    private static readonly Comparer<Guid> IdOrder = Comparer<Guid>.Create((a, b) =>
        string.CompareOrdinal(a.ToString("D"), b.ToString("D")));
}
