using System.Linq.Expressions;
using CustomerPortal.Core;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.DualWrite;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Data.Sqlite;

internal sealed class SqliteCustomerRows(MirrorDbContext db) : ICustomerRows
{
    public async Task<IReadOnlyList<TRecord>> ListAsync<TRow, TRecord>(CustomerScope scope, CustomerRowQuery<TRow, TRecord> query, CancellationToken cancellationToken)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = db.Set<TRow>().AsNoTracking().Where(Ownership.VisibleTo<TRow>(scope));
        return await OrderBy(rows, query.OrderBy, query.Descending)
            .Take(Math.Clamp(query.Count, 1, PageSize.Allowed[^1]))
            .Select(query.Select)
            .ToListAsync(cancellationToken);
    }

    // The order column as a typed key (o => o.CreatedOn), not boxed to object, so EF Core sorts in SQL.
    private static IQueryable<TRow> OrderBy<TRow>(IQueryable<TRow> rows, Expression<Func<TRow, object?>> column, bool descending)
    {
        var property = DualWriteSchema.Table<TRow>().ColumnOf(column).Property;
        var row = Expression.Parameter(typeof(TRow), "row");
        var key = Expression.Lambda(Expression.Property(row, property), row);
        var sort = Expression.Call(typeof(Queryable), descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy),
            [typeof(TRow), property.PropertyType], rows.Expression, Expression.Quote(key));
        // The primary key breaks ties, as on Dataverse, so both sources list equal keys in one order.
        var primaryKey = DualWriteSchema.Table<TRow>().PrimaryKey.Property;
        var tieBreaker = Expression.Lambda(Expression.Property(row, primaryKey), row);
        var thenBy = Expression.Call(typeof(Queryable), nameof(Queryable.ThenBy), [typeof(TRow), primaryKey.PropertyType], sort, Expression.Quote(tieBreaker));
        return rows.Provider.CreateQuery<TRow>(thenBy);
    }
}
