using CustomerPortal.Core;
using CustomerPortal.Core.Invoices;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Data.Dataverse;

// Invoices over the Web API: the list is one request per page (the order number and currency expanded),
// the invoice one request with its lines expanded; products and units of the lines are reference data,
// cached. Scope filters always go to the server; an authorized user's rule reads the order's contact
// person through salesorderid (salesorderid/_msdyn_contactperson_value), so nothing foreign leaves Dataverse.
internal sealed class DataverseInvoiceStore(DataverseWebApi api, NextLinkTokens tokens, ReferenceData reference) : IInvoiceStore
{
    private const string EntitySet = "invoices";

    private static readonly string SummaryExpand = string.Join(",",
        DataverseRows.Expand<InvoiceRow>("transactioncurrencyid"), DataverseRows.Expand<InvoiceRow>("salesorderid"));

    private static readonly string HeaderExpand = string.Join(",", SummaryExpand,
        DataverseRows.Expand<InvoiceRow>("msdyn_company"), DataverseRows.Expand<InvoiceRow>("customerid"),
        DataverseRows.ExpandMany<InvoiceRow>("invoice_details"));

    public async Task<ResultPage<InvoiceSummary>> ListAsync(CustomerScope scope, InvoiceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = PageSize.Normalize(query.PageSize);
        var filter = new List<string> { ScopeFilter(scope) };
        if (query.SearchText is { } search)
        {
            var text = ODataText.ContainsLiteral(search);
            filter.Add($"(contains(msdyn_invoicenumber,{text}) or contains(salesorderid/msdyn_salesordernumber,{text}))");
        }

        if (query.InvoicedFrom is { } from)
        {
            filter.Add($"msdyn_invoicedate ge {Date(from)}");
        }

        if (query.InvoicedTo is { } to)
        {
            filter.Add($"msdyn_invoicedate le {Date(to)}");
        }

        // The same keys and tie-breakers as the mirror's keyset, so both sources list in the same order.
        var orderBy = query.Sort switch
        {
            InvoiceSort.OldestFirst => "msdyn_invoicedate asc,msdyn_invoicenumber asc",
            InvoiceSort.NumberAscending => "msdyn_invoicenumber asc",
            InvoiceSort.NumberDescending => "msdyn_invoicenumber desc",
            _ => "msdyn_invoicedate desc,msdyn_invoicenumber desc",
        };

        var url = ODataText.Query(EntitySet,
            ("$select", DataverseRows.Select<InvoiceRow>()),
            ("$filter", string.Join(" and ", filter)),
            ("$orderby", orderBy),
            ("$expand", SummaryExpand));

        // Dataverse has no $skip: pages come from the server's next link, which the token carries.
        var fingerprint = string.Join("|", "invoices", scope.ContactId, scope.AccountId, scope.CompanyId, scope.Role, url, pageSize);
        var next = tokens.Unprotect(query.ContinuationToken, fingerprint, EntitySet);

        using var page = await api.GetAsync(next ?? url, pageSize, cancellationToken);
        var items = DataverseRows.ReadAll<InvoiceRow>(page.RootElement).Select(Records.Compiled(Records.InvoiceSummary)).ToList();
        var nextLink = DataverseWebApi.NextLink(page.RootElement);
        return new ResultPage<InvoiceSummary>(items, nextLink is null || items.Count == 0 ? null : tokens.Protect(fingerprint, nextLink));
    }

    public async Task<Invoice?> FindAsync(CustomerScope scope, string invoiceNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (string.IsNullOrWhiteSpace(invoiceNumber) || invoiceNumber.Length > 100)
        {
            return null;
        }

        var url = ODataText.Query(EntitySet,
            ("$select", DataverseRows.Select<InvoiceRow>()),
            ("$filter", $"{ScopeFilter(scope)} and msdyn_invoicenumber eq {ODataText.Literal(invoiceNumber)}"),
            ("$expand", HeaderExpand));

        // Dataverse string equality ignores case; the mirror's does not. Same answers: exact match only.
        var invoice = (await api.RowsAsync<InvoiceRow>(url, cancellationToken)).FirstOrDefault(i => i.InvoiceNumber == invoiceNumber);
        if (invoice is null)
        {
            return null;
        }

        var products = await reference.ProductsAsync([.. invoice.Lines.Select(l => l.ProductId).OfType<Guid>()], cancellationToken);
        var units = await reference.UnitsAsync(cancellationToken);
        foreach (var line in invoice.Lines)
        {
            line.Product = line.ProductId is { } productId ? products.GetValueOrDefault(productId) : null;
            line.Unit = units.GetValueOrDefault(line.UnitId);
        }

        return Records.Compiled(Records.InvoiceHeader)(invoice) with
        {
            Lines = [.. invoice.Lines.OrderBy(l => l.SequenceNumber).Select(Records.Compiled(Records.InvoiceLine))],
        };
    }

    // One GET per 5,000 of the scope's invoices since 1 January of fromYear (three columns, pages followed
    // through @odata.nextLink), plus the cached currencies; summed here, as SpendByMonthAsync does for orders.
    public async Task<IReadOnlyList<InvoicedTotal>> InvoicedTotalsAsync(CustomerScope scope, int fromYear, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var start = new DateOnly(Math.Clamp(fromYear, 1, 9999), 1, 1);
        var url = ODataText.Query(EntitySet,
            ("$select", "msdyn_invoicedate,totalamount,_transactioncurrencyid_value"),
            ("$filter", $"{ScopeFilter(scope)} and msdyn_invoicedate ge {Date(start)}"));

        var rows = await api.GetAllAsync(url, cancellationToken);
        var currencies = await reference.CurrenciesAsync(cancellationToken);
        var sums = new Dictionary<(int Year, Guid Currency), (decimal Total, int Count)>();
        foreach (var row in rows)
        {
            var year = DateOnly.Parse(row.GetProperty("msdyn_invoicedate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Year;
            var key = (year, row.GetProperty("_transactioncurrencyid_value").GetGuid());
            var (total, count) = sums.GetValueOrDefault(key);
            sums[key] = (total + row.GetProperty("totalamount").GetDecimal(), count + 1);
        }

        return [.. sums
            .Where(s => currencies.ContainsKey(s.Key.Currency))
            .Select(s => new InvoicedTotal(s.Key.Year, currencies[s.Key.Currency], s.Value.Total, s.Value.Count))
            .OrderBy(t => t.Year).ThenBy(t => t.Currency.IsoCode, StringComparer.Ordinal)];
    }

    // The one ownership rule as OData: account and legal entity, and for authorized users the order's contact person.
    internal static string ScopeFilter(CustomerScope scope) => DataverseRows.OwnerFilter<InvoiceRow>(scope);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
