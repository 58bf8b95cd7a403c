using System.Collections.ObjectModel;
using System.Linq.Expressions;
using CustomerPortal.Core;
using CustomerPortal.Core.Invoices;
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
        var rows = IsNewestFirstList(query)
            ? await NewestFirst.RunAsync(db, scope, NewestFirstPage(query, pageSize + 1), cancellationToken)
            : await Filtered(scope, query).Take(pageSize + 1).Select(Records.SalesOrderSummary).ToListAsync(cancellationToken);

        if (rows.Count <= pageSize)
        {
            return new ResultPage<SalesOrderSummary>(rows, null);
        }

        rows.RemoveAt(pageSize);
        var last = rows[^1];
        var key = query.Sort switch
        {
            SalesOrderSort.NewestFirst or SalesOrderSort.OldestFirst => KeysetToken.FromTicks(last.OrderedOn),
            SalesOrderSort.ReceiptDateAscending or SalesOrderSort.ReceiptDateDescending => KeysetToken.FromDate(last.RequestedReceiptDate),
            _ => "",
        };
        return new ResultPage<SalesOrderSummary>(rows, KeysetToken.Create(query.Sort.ToString(), key, last.OrderNumber));
    }

    // The list as nearly every visit asks for it, compiled once (ScopedQuery): newest first, with or without a search,
    // any page, no other filter. It is one statement with one plan: without a search the pattern is "%", and the
    // first page starts before the end of time. On the large profile this is the order list's and the order
    // search's EF Core query pipeline gone from every request (issue 16). Other sorts and filters are built below.
    private static readonly ScopedQuery<(string Pattern, DateTime Before, string BeforeNumber, int Take), List<SalesOrderSummary>> NewestFirst =
        ScopedQuery.List((IQueryable<SalesOrderRow> orders, string pattern, DateTime before, string beforeNumber, int take) => orders
            .Where(o => EF.Functions.Like(o.OrderNumber, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.Like(o.RequisitionNumber!, pattern, LikePattern.EscapeCharacter))
            .Where(o => o.CreatedOn < before || (o.CreatedOn == before && string.Compare(o.OrderNumber, beforeNumber) < 0))
            .OrderByDescending(o => o.CreatedOn).ThenByDescending(o => o.OrderNumber)
            .Take(take)
            .Select(Records.SalesOrderSummary));

    // The query differs from a plain list only in what the statement reads. Compared as a whole record, so a filter
    // added to SalesOrderQuery later takes the built path until the statement learns it, and is never ignored.
    private static bool IsNewestFirstList(SalesOrderQuery query) =>
        query with { Search = null, ContinuationToken = null, PageSize = PageSize.Default, Today = null } == PlainList;

    private static readonly SalesOrderQuery PlainList = new();

    // A first page starts before DateTime.MaxValue, which no order's creation time reaches.
    private static (string Pattern, DateTime Before, string BeforeNumber, int Take) NewestFirstPage(SalesOrderQuery query, int take)
    {
        var pattern = query.SearchText is { } search ? LikePattern.Contains(search) : "%";
        return KeysetToken.TryRead(query.ContinuationToken, nameof(SalesOrderSort.NewestFirst), out var key, out var number)
            && KeysetToken.ToDateTime(key) is { } after
            ? (pattern, after, number, take)
            : (pattern, DateTime.MaxValue, "", take);
    }

    private IQueryable<SalesOrderRow> Filtered(CustomerScope scope, SalesOrderQuery query)
    {
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

        orders = WhereProgress(orders, query.Progress, query.Today);
        return ApplySortAndKeyset(orders, query.Sort, query.ContinuationToken);
    }

    public async Task<SalesOrder?> FindAsync(CustomerScope scope, string orderNumber, CancellationToken cancellationToken)
    {
        var order = await OrderByNumber.RunAsync(db, scope, orderNumber, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var lines = await LinesOfOrder.RunAsync(db, scope, order.SalesOrderId, cancellationToken);
        var invoices = await InvoicesOfOrder.RunAsync(db, scope, order.SalesOrderId, cancellationToken);
        return order with { Lines = lines, Invoices = invoices };
    }

    // The order page's three statements, compiled once (ScopedQuery): every order page runs them.
    private static readonly ScopedQuery<string, SalesOrder?> OrderByNumber = ScopedQuery.Single((IQueryable<SalesOrderRow> orders, string orderNumber) =>
        orders.Where(o => o.OrderNumber == orderNumber).Select(Records.SalesOrderHeader).SingleOrDefault());

    // Lines of an order the customer may see: the order's own rule is checked again (the same indexed lookup), so
    // this statement never depends on the one before it having been scoped.
    private static readonly ScopedQuery<Guid, List<SalesOrderLine>> LinesOfOrder = ScopedQuery.List((IQueryable<SalesOrderRow> orders, Guid salesOrderId) =>
        orders.Where(o => o.SalesOrderId == salesOrderId).SelectMany(o => o.Lines).OrderBy(l => l.SequenceNumber).Select(Records.SalesOrderLine));

    // The invoices follow the invoice's own ownership rule, as on the invoice pages.
    private static readonly ScopedQuery<Guid, List<InvoiceSummary>> InvoicesOfOrder = ScopedQuery.List((IQueryable<InvoiceRow> invoices, Guid salesOrderId) =>
        invoices.Where(i => i.SalesOrderId == salesOrderId).OrderBy(i => i.InvoiceDate).ThenBy(i => i.InvoiceNumber).Select(Records.InvoiceSummary));

    // The first twelve months from fromMonth (the dashboard's chart) are each read as a range of the order date (UTC),
    // canceled orders left out. Grouping the year's orders by a month computed from createdon made SQLite sort all of
    // them first (the large profile's representative: about 8,000 orders, 6-7 ms, most of the home page's data time);
    // a range per month reads them in the index's date order and groups each month's by currency only. Any later
    // months (a caller asking from further back) are grouped by a month computed from createdon, which sorts them.
    private const int RangedMonths = 12;

    // The totals are summed as whole ten-thousandths by SQLite itself. The mirror keeps a decimal as text, and EF Core sums
    // decimals with ef_sum, an aggregate written in .NET that SQLite calls for every row: with it the home page spent a
    // fifth of its CPU in Microsoft.Data.Sqlite. Dataverse money has at most four decimals, so an amount times 10,000 is a
    // whole number. SQLite reads the text as a double and rounds the product: both steps together err by at most
    // 2 x 2^-53 of it, well under the half a ten-thousandth that rounding forgives for order totals under 100,000,000,000.
    private const double TenThousand = 10_000;

    public async Task<IReadOnlyList<MonthlySpend>> SpendByMonthAsync(CustomerScope scope, DateOnly fromMonth, CancellationToken cancellationToken)
    {
        var first = new DateTime(fromMonth.Year, fromMonth.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var spend = await SpendPerMonth.RunAsync(db, scope, first, cancellationToken);
        if (spend.Count == 0)
        {
            return [];
        }

        var currencyIds = spend.Select(s => s.CurrencyId).Distinct().ToList();
        var currencies = await db.Currencies
            .AsNoTracking()
            .Where(c => currencyIds.Contains(c.CurrencyId))
            .ToDictionaryAsync(c => c.CurrencyId, Records.Compiled(Records.Currency), cancellationToken);

        // An order whose currency row is missing is left out, as the inner join to it did (and the Dataverse adapter does).
        return [.. spend
            .Where(g => currencies.ContainsKey(g.CurrencyId))
            .Select(g => new MonthlySpend(g.Year, g.Month, currencies[g.CurrencyId], g.TenThousandths / (decimal)TenThousand, g.Count))
            .OrderBy(s => s.Year).ThenBy(s => s.Month).ThenBy(s => s.Currency.IsoCode, StringComparer.Ordinal)];
    }

    // The statement, compiled once (ScopedQuery): built from thirteen parts, it took EF Core's parameterizing 7 % of the
    // home page's CPU when built on every call. The months after the twelfth first, then each of the twelve as a range,
    // its number put in as a constant; SQLite computes each month's bounds from the one parameter, the first month.
    private static readonly ScopedQuery<DateTime, List<SpendGroup>> SpendPerMonth = ScopedQuery.List(SpendStatement());

    private static Expression<Func<IQueryable<SalesOrderRow>, DateTime, IQueryable<SpendGroup>>> SpendStatement()
    {
        Expression<Func<IQueryable<SalesOrderRow>, DateTime, IQueryable<SpendGroup>>> later = (orders, first) => orders
            .Where(o => o.ProcessingStatus != ProcessingStatus.Canceled && o.CreatedOn >= first.AddMonths(RangedMonths))
            .GroupBy(o => new { o.CreatedOn.Year, o.CreatedOn.Month, o.CurrencyId })
            .Select(g => new SpendGroup
            {
                Year = g.Key.Year,
                Month = g.Key.Month,
                CurrencyId = g.Key.CurrencyId,
                TenThousandths = g.Sum(o => (long)Math.Round((double)o.TotalAmount * TenThousand)),
                Count = g.Count(),
            });
        Expression<Func<IQueryable<SalesOrderRow>, DateTime, int, IQueryable<SpendGroup>>> month = (orders, first, k) => orders
            .Where(o => o.ProcessingStatus != ProcessingStatus.Canceled && o.CreatedOn >= first.AddMonths(k) && o.CreatedOn < first.AddMonths(k + 1))
            .GroupBy(o => o.CurrencyId)
            .Select(g => new SpendGroup
            {
                Year = first.AddMonths(k).Year,
                Month = first.AddMonths(k).Month,
                CurrencyId = g.Key,
                TenThousandths = g.Sum(o => (long)Math.Round((double)o.TotalAmount * TenThousand)),
                Count = g.Count(),
            });

        var statement = later.Body;
        for (var k = 0; k < RangedMonths; k++)
        {
            var part = new Substitute(month.Parameters, [later.Parameters[0], later.Parameters[1], Expression.Constant(k)]).Visit(month.Body);
            statement = Expression.Call(typeof(Queryable), nameof(Queryable.Concat), [typeof(SpendGroup)], statement, part);
        }

        return Expression.Lambda<Func<IQueryable<SalesOrderRow>, DateTime, IQueryable<SpendGroup>>>(statement, later.Parameters);
    }

    private sealed class Substitute(ReadOnlyCollection<ParameterExpression> parameters, Expression[] replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            var index = parameters.IndexOf(node);
            return index < 0 ? node : replacements[index];
        }
    }

    // Set by an object initializer, not a constructor: EF Core can put member initializers side by side in a UNION ALL.
    private sealed class SpendGroup
    {
        public int Year { get; init; }

        public int Month { get; init; }

        public Guid CurrencyId { get; init; }

        public long TenThousandths { get; init; }

        public int Count { get; init; }
    }

    // The scope becomes SQL through the one ownership rule: the account and legal entity always, and
    // the contact person too for authorized users.
    private IQueryable<SalesOrderRow> VisibleTo(CustomerScope scope) =>
        db.SalesOrders.AsNoTracking().Where(Ownership.VisibleTo<SalesOrderRow>(scope));

    // OrderProgress as SQL, exactly as DeliveryRules defines it: the expected receipt date is the confirmed
    // one, else the requested one, compared with the caller's today. Without Today the date part is left
    // out and only the status part applies (Late and DueSoon list the open orders, RecentlyDelivered the
    // delivered ones): a caller that forgets Today sees too much of its own scope, never an error.
    private static IQueryable<SalesOrderRow> WhereProgress(IQueryable<SalesOrderRow> orders, OrderProgress progress, DateOnly? today)
    {
        if (progress == OrderProgress.Any)
        {
            return orders;
        }

        if (progress == OrderProgress.RecentlyDelivered)
        {
            var delivered = DeliveryRules.DeliveredStatuses.ToList();
            orders = orders.Where(o => delivered.Contains(o.ProcessingStatus));
        }
        else
        {
            // Open orders are the few not yet delivered among an account's history (about 1 %: 169-209 of the large
            // profile's 13,583, depending on the day it was seeded). Told so, SQLite reads them by status and sorts them;
            // otherwise it walks the history in the list's order (/Orders?progress=Late: 42-44 ms -> 5 ms).
            var open = DeliveryRules.OpenStatuses.ToList();
            orders = orders.Where(o => MirrorDbContext.Rarely(open.Contains(o.ProcessingStatus)));
        }

        if (today is not { } day)
        {
            return orders;
        }

        switch (progress)
        {
            case OrderProgress.Late:
                return orders.Where(o => (o.ConfirmedReceiptDate != null && o.ConfirmedReceiptDate < day)
                    || (o.ConfirmedReceiptDate == null && o.RequestedReceiptDate < day));
            case OrderProgress.DueSoon:
                var until = day.AddDays(DeliveryRules.DueSoonDays);
                return orders.Where(o => (o.ConfirmedReceiptDate != null && o.ConfirmedReceiptDate >= day && o.ConfirmedReceiptDate <= until)
                    || (o.ConfirmedReceiptDate == null && o.RequestedReceiptDate >= day && o.RequestedReceiptDate <= until));
            case OrderProgress.RecentlyDelivered:
                var since = day.AddDays(-DeliveryRules.RecentlyDeliveredDays);
                return orders.Where(o => (o.ConfirmedReceiptDate != null && o.ConfirmedReceiptDate >= since && o.ConfirmedReceiptDate <= day)
                    || (o.ConfirmedReceiptDate == null && o.RequestedReceiptDate >= since && o.RequestedReceiptDate <= day));
            default:
                return orders;
        }
    }

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

            // The requested receipt date may be empty: empty dates sort first ascending and last descending,
            // as SQL Server (Dataverse) and SQLite both order NULLs, so both sources page identically.
            case SalesOrderSort.ReceiptDateAscending:
                if (hasKeyset)
                {
                    var receipt = KeysetToken.ToDate(key);
                    orders = receipt is { } r
                        ? orders.Where(o => o.RequestedReceiptDate > r || (o.RequestedReceiptDate == r && string.Compare(o.OrderNumber, number) > 0))
                        : orders.Where(o => o.RequestedReceiptDate != null || string.Compare(o.OrderNumber, number) > 0);
                }

                return orders.OrderBy(o => o.RequestedReceiptDate).ThenBy(o => o.OrderNumber);

            case SalesOrderSort.ReceiptDateDescending:
                if (hasKeyset)
                {
                    var receipt = KeysetToken.ToDate(key);
                    orders = receipt is { } r
                        ? orders.Where(o => o.RequestedReceiptDate < r || o.RequestedReceiptDate == null
                            || (o.RequestedReceiptDate == r && string.Compare(o.OrderNumber, number) < 0))
                        : orders.Where(o => o.RequestedReceiptDate == null && string.Compare(o.OrderNumber, number) < 0);
                }

                return orders.OrderByDescending(o => o.RequestedReceiptDate).ThenByDescending(o => o.OrderNumber);

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
