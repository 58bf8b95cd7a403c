using CustomerPortal.Core;
using CustomerPortal.Core.Invoices;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.DualWrite;
using Microsoft.EntityFrameworkCore;

// string.Compare inside queries is translated to SQL, where SQLite compares with its binary collation;
// the StringComparison overloads have no translation.
#pragma warning disable CA1309

namespace CustomerPortal.Data.Sqlite;

internal sealed class SqliteInvoiceStore(MirrorDbContext db) : IInvoiceStore
{
    public async Task<ResultPage<InvoiceSummary>> ListAsync(CustomerScope scope, InvoiceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = PageSize.Normalize(query.PageSize);
        var invoices = VisibleTo(scope);

        if (query.SearchText is { } search)
        {
            var pattern = LikePattern.Contains(search);
            invoices = invoices.Where(i => EF.Functions.Like(i.InvoiceNumber, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.Like(i.SalesOrder!.OrderNumber, pattern, LikePattern.EscapeCharacter));
        }

        if (query.InvoicedFrom is { } from)
        {
            invoices = invoices.Where(i => i.InvoiceDate >= from);
        }

        if (query.InvoicedTo is { } to)
        {
            invoices = invoices.Where(i => i.InvoiceDate <= to);
        }

        invoices = ApplySortAndKeyset(invoices, query.Sort, query.ContinuationToken);
        var rows = await invoices
            .Take(pageSize + 1)
            .Select(Records.InvoiceSummary)
            .ToListAsync(cancellationToken);

        if (rows.Count <= pageSize)
        {
            return new ResultPage<InvoiceSummary>(rows, null);
        }

        rows.RemoveAt(pageSize);
        var last = rows[^1];
        var key = query.Sort is InvoiceSort.NewestFirst or InvoiceSort.OldestFirst ? KeysetToken.FromDate(last.InvoiceDate) : "";
        return new ResultPage<InvoiceSummary>(rows, KeysetToken.Create(query.Sort.ToString(), key, last.InvoiceNumber));
    }

    public async Task<Invoice?> FindAsync(CustomerScope scope, string invoiceNumber, CancellationToken cancellationToken)
    {
        var invoice = await InvoiceByNumber.RunAsync(db, scope, invoiceNumber, cancellationToken);
        if (invoice is null)
        {
            return null;
        }

        var lines = await LinesOfInvoice.RunAsync(db, scope, invoice.InvoiceId, cancellationToken);
        return invoice with { Lines = lines };
    }

    // The invoice page's two statements, compiled once (ScopedQuery), as the order page's.
    private static readonly ScopedQuery<string, Invoice?> InvoiceByNumber = ScopedQuery.Single((IQueryable<InvoiceRow> invoices, string invoiceNumber) =>
        invoices.Where(i => i.InvoiceNumber == invoiceNumber).Select(Records.InvoiceHeader).SingleOrDefault());

    private static readonly ScopedQuery<Guid, List<InvoiceLine>> LinesOfInvoice = ScopedQuery.List((IQueryable<InvoiceRow> invoices, Guid invoiceId) =>
        invoices.Where(i => i.InvoiceId == invoiceId).SelectMany(i => i.Lines).OrderBy(l => l.SequenceNumber).Select(Records.InvoiceLine));

    // One GROUP BY over the scope's invoices since 1 January of fromYear.
    public async Task<IReadOnlyList<InvoicedTotal>> InvoicedTotalsAsync(CustomerScope scope, int fromYear, CancellationToken cancellationToken)
    {
        var start = new DateOnly(Math.Clamp(fromYear, 1, 9999), 1, 1);
        var groups = await VisibleTo(scope)
            .Where(i => i.InvoiceDate >= start)
            .GroupBy(i => new { i.InvoiceDate.Year, i.Currency!.IsoCode, i.Currency.Symbol, i.Currency.Precision })
            .Select(g => new { g.Key.Year, g.Key.IsoCode, g.Key.Symbol, g.Key.Precision, Total = g.Sum(i => i.TotalAmount), Count = g.Count() })
            .ToListAsync(cancellationToken);

        return [.. groups
            .Select(g => new InvoicedTotal(g.Year, new Currency(g.IsoCode, g.Symbol, g.Precision), g.Total, g.Count))
            .OrderBy(t => t.Year).ThenBy(t => t.Currency.IsoCode, StringComparer.Ordinal)];
    }

    // The one ownership rule: account and legal entity, and for authorized users the order's contact person.
    private IQueryable<InvoiceRow> VisibleTo(CustomerScope scope) =>
        db.Invoices.AsNoTracking().Where(Ownership.VisibleTo<InvoiceRow>(scope));

    private static IQueryable<InvoiceRow> ApplySortAndKeyset(IQueryable<InvoiceRow> invoices, InvoiceSort sort, string? token)
    {
        var hasKeyset = KeysetToken.TryRead(token, sort.ToString(), out var key, out var number);
        var after = hasKeyset ? KeysetToken.ToDate(key) : null;

        switch (sort)
        {
            case InvoiceSort.OldestFirst:
                if (after is { } oldest)
                {
                    invoices = invoices.Where(i => i.InvoiceDate > oldest
                        || (i.InvoiceDate == oldest && string.Compare(i.InvoiceNumber, number) > 0));
                }

                return invoices.OrderBy(i => i.InvoiceDate).ThenBy(i => i.InvoiceNumber);

            case InvoiceSort.NumberAscending:
                if (hasKeyset)
                {
                    invoices = invoices.Where(i => string.Compare(i.InvoiceNumber, number) > 0);
                }

                return invoices.OrderBy(i => i.InvoiceNumber);

            case InvoiceSort.NumberDescending:
                if (hasKeyset)
                {
                    invoices = invoices.Where(i => string.Compare(i.InvoiceNumber, number) < 0);
                }

                return invoices.OrderByDescending(i => i.InvoiceNumber);

            default:
                if (after is { } newest)
                {
                    invoices = invoices.Where(i => i.InvoiceDate < newest
                        || (i.InvoiceDate == newest && string.Compare(i.InvoiceNumber, number) < 0));
                }

                return invoices.OrderByDescending(i => i.InvoiceDate).ThenByDescending(i => i.InvoiceNumber);
        }
    }
}
