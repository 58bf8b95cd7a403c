using CustomerPortal.Core;
using CustomerPortal.Core.Orders;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Data.Dataverse;

// Orders over the Web API: the list is one request per page, the details one request with the lines
// expanded. Scope filters always go to the server; nothing outside the scope ever leaves Dataverse.
internal sealed class DataverseSalesOrderStore(DataverseWebApi api, NextLinkTokens tokens, ReferenceData reference) : ISalesOrderStore
{
    private const string EntitySet = "salesorders";

    // The contact person is expanded for its name (the list shows it); lines come in the same request
    // as the header (a single-level collection $expand) and their products and units are reference
    // data, cached. A nested $expand would make Dataverse page the lines and forbid $orderby inside,
    // and the local emulator does not emulate it; lines are put in sequence order here.
    private static readonly string SummaryExpand = string.Join(",",
        DataverseRows.Expand<SalesOrderRow>("transactioncurrencyid"), DataverseRows.Expand<SalesOrderRow>("msdyn_contactperson"));

    private static readonly string HeaderExpand = string.Join(",", SummaryExpand,
        DataverseRows.Expand<SalesOrderRow>("msdyn_company"), DataverseRows.Expand<SalesOrderRow>("customerid"),
        DataverseRows.ExpandMany<SalesOrderRow>("order_details"));

    public async Task<ResultPage<SalesOrderSummary>> ListAsync(CustomerScope scope, SalesOrderQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = PageSize.Normalize(query.PageSize);
        var filter = new List<string> { ScopeFilter(scope) };
        if (query.SearchText is { } search)
        {
            var text = ODataText.ContainsLiteral(search);
            filter.Add($"(contains(msdyn_salesordernumber,{text}) or contains(msdyn_customerrequisitionnumber,{text}))");
        }

        if (query.Status is { } status)
        {
            filter.Add($"msdyn_processingstatus eq {(int)status}");
        }

        if (query.OrderedFrom is { } from)
        {
            filter.Add($"createdon ge {ODataText.DateTime(from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))}");
        }

        // The last representable day has no day after it: it means "no upper bound", as on the mirror.
        if (query.OrderedTo is { } to && to < DateOnly.MaxValue)
        {
            filter.Add($"createdon lt {ODataText.DateTime(to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))}");
        }

        // The same keys and tie-breakers as the mirror's keyset, so both sources list in the same order.
        var orderBy = query.Sort switch
        {
            SalesOrderSort.OldestFirst => "createdon asc,msdyn_salesordernumber asc",
            SalesOrderSort.NumberAscending => "msdyn_salesordernumber asc",
            SalesOrderSort.NumberDescending => "msdyn_salesordernumber desc",
            _ => "createdon desc,msdyn_salesordernumber desc",
        };

        var url = ODataText.Query(EntitySet,
            ("$select", DataverseRows.Select<SalesOrderRow>()),
            ("$filter", string.Join(" and ", filter)),
            ("$orderby", orderBy),
            ("$expand", SummaryExpand));

        // Dataverse has no $skip: pages come from the server's next link, which the token carries.
        var fingerprint = string.Join("|", "orders", scope.ContactId, scope.AccountId, scope.CompanyId, scope.Role, url, pageSize);
        var next = tokens.Unprotect(query.ContinuationToken, fingerprint, EntitySet);

        using var page = await api.GetAsync(next ?? url, pageSize, cancellationToken);
        var items = DataverseRows.ReadAll<SalesOrderRow>(page.RootElement).Select(Records.Compiled(Records.SalesOrderSummary)).ToList();
        var nextLink = DataverseWebApi.NextLink(page.RootElement);
        return new ResultPage<SalesOrderSummary>(items, nextLink is null || items.Count == 0 ? null : tokens.Protect(fingerprint, nextLink));
    }

    public async Task<SalesOrder?> FindAsync(CustomerScope scope, string orderNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (string.IsNullOrWhiteSpace(orderNumber) || orderNumber.Length > 100)
        {
            return null;
        }

        var url = ODataText.Query(EntitySet,
            ("$select", DataverseRows.Select<SalesOrderRow>()),
            ("$filter", $"{ScopeFilter(scope)} and msdyn_salesordernumber eq {ODataText.Literal(orderNumber)}"),
            ("$expand", HeaderExpand));

        // Dataverse string equality ignores case; the mirror's does not. Same answers: exact match only.
        var order = (await api.RowsAsync<SalesOrderRow>(url, cancellationToken)).FirstOrDefault(o => o.OrderNumber == orderNumber);
        if (order is null)
        {
            return null;
        }

        var products = await reference.ProductsAsync([.. order.Lines.Select(l => l.ProductId).OfType<Guid>()], cancellationToken);
        var units = await reference.UnitsAsync(cancellationToken);
        foreach (var line in order.Lines)
        {
            line.Product = line.ProductId is { } productId ? products.GetValueOrDefault(productId) : null;
            line.Unit = units.GetValueOrDefault(line.UnitId);
        }

        return Records.Compiled(Records.SalesOrderHeader)(order) with
        {
            Lines = [.. order.Lines.OrderBy(l => l.SequenceNumber).Select(Records.Compiled(Records.SalesOrderLine))],
        };
    }

    public Task<IReadOnlyList<MonthlySpend>> SpendByMonthAsync(CustomerScope scope, DateOnly fromMonth, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Being written (issue 11).");

    // The scope becomes OData through the one ownership rule: the account and legal entity always,
    // and the contact person too for authorized users.
    internal static string ScopeFilter(CustomerScope scope) => DataverseRows.OwnerFilter<SalesOrderRow>(scope);
}
