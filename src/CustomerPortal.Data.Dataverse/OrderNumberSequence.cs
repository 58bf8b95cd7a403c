using System.Collections.Concurrent;
using CustomerPortal.Core.Ordering;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Data.Dataverse;

// Portal order numbers per legal entity. The last number is read from Dataverse once per company and
// counted on in memory; another portal process taking the same number is caught by the unique
// (company, number) key on insert, and then the count is re-read (Refresh) and the submit numbered again.
internal sealed class OrderNumberSequence(DataverseWebApi api, OrderNumbering numbering)
{
    private readonly ConcurrentDictionary<Guid, Counter> _counters = new();

    public async Task<string> NextAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var counter = _counters.GetOrAdd(companyId, _ => new Counter());
        if (!counter.Loaded)
        {
            await RefreshAsync(companyId, cancellationToken);
        }

        return numbering.Format(Interlocked.Increment(ref counter.Last));
    }

    public async Task RefreshAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var counter = _counters.GetOrAdd(companyId, _ => new Counter());
        var last = await LastOnServerAsync(companyId, cancellationToken);
        long seen;
        do
        {
            seen = Interlocked.Read(ref counter.Last);
        }
        while (seen < last && Interlocked.CompareExchange(ref counter.Last, last, seen) != seen);
        counter.Loaded = true;
    }

    // The highest number of our own sequence: fixed-width numbers sort as they count.
    private async Task<long> LastOnServerAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var width = numbering.Prefix.Length + OrderNumbering.Digits;
        var orders = await api.RowsAsync<SalesOrderRow>(ODataText.Query("salesorders",
            ("$select", DataverseRows.Select<SalesOrderRow>()),
            ("$filter", $"_msdyn_company_value eq {ODataText.Guid(companyId)} and startswith(msdyn_salesordernumber,{ODataText.ContainsLiteral(numbering.Prefix)})"),
            ("$orderby", "msdyn_salesordernumber desc"),
            ("$top", "20")), cancellationToken);
        return orders
            .Select(o => o.OrderNumber)
            .Where(n => n.Length == width)
            .Select(n => numbering.SequenceOf(n) ?? 0)
            .DefaultIfEmpty(0)
            .Max();
    }

    private sealed class Counter
    {
        public long Last;
        public volatile bool Loaded;
    }
}
