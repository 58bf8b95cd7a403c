using CustomerPortal.Core;
using CustomerPortal.Core.Orders;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Data.Dataverse;

// Orders over the Web API: the list is one request per page, the details one request with the lines
// expanded. Scope filters always go to the server; nothing outside the scope ever leaves Dataverse.
internal sealed class DataverseSalesOrderStore(DataverseWebApi api, NextLinkTokens tokens, ReferenceData reference) : ISalesOrderStore
{
    private const string EntitySet = "salesorders";

    // The contact person is expanded for its name (the list shows it).
    private static readonly string SummaryExpand = string.Join(",",
        DataverseRows.Expand<SalesOrderRow>("transactioncurrencyid"), DataverseRows.Expand<SalesOrderRow>("msdyn_contactperson"));

    // The order page in one request (a multi-level $expand): the header's lookups, the lines with their product
    // and unit, and the invoices with their currency. With a nested $expand Dataverse pages every expanded
    // collection (odata.maxpagesize, 5,000 rows without it) and refuses $orderby and $top inside, so lines are
    // put in sequence order and invoices in date and number order here, and a collection's next link is followed.
    private static readonly string HeaderExpand = string.Join(",", SummaryExpand,
        DataverseRows.Expand<SalesOrderRow>("msdyn_company"), DataverseRows.Expand<SalesOrderRow>("customerid"),
        DataverseRows.Expand<SalesOrderRow>("msdyn_deliverymode"),
        DataverseRows.ExpandMany<SalesOrderRow>("order_details", expand: [DataverseRows.Expand<SalesOrderLineRow>("productid"), DataverseRows.Expand<SalesOrderLineRow>("uomid")]));

    private static readonly string InvoiceCurrency = DataverseRows.Expand<InvoiceRow>("transactioncurrencyid");

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

        if (ProgressFilter(query.Progress, query.Today) is { } progress)
        {
            filter.Add(progress);
        }

        // The same keys and tie-breakers as the mirror's keyset, so both sources list in the same order
        // (an empty requested receipt date sorts first ascending and last descending on both).
        var orderBy = query.Sort switch
        {
            SalesOrderSort.ReceiptDateAscending => "msdyn_requestedreceiptdate asc,msdyn_salesordernumber asc",
            SalesOrderSort.ReceiptDateDescending => "msdyn_requestedreceiptdate desc,msdyn_salesordernumber desc",
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

        // The invoices follow their own ownership rule (account and legal entity); for an authorized user the
        // contact person is the order's, which the order's own filter has already checked.
        var invoices = DataverseRows.ExpandMany<SalesOrderRow>("order_invoices",
            filter: DataverseRows.OwnerFilter<InvoiceRow>(scope, withinParent: true), expand: [InvoiceCurrency]);
        var url = ODataText.Query(EntitySet,
            ("$select", DataverseRows.Select<SalesOrderRow>()),
            ("$filter", $"{ScopeFilter(scope)} and msdyn_salesordernumber eq {ODataText.Literal(orderNumber)}"),
            ("$expand", HeaderExpand + "," + invoices));

        // Dataverse string equality ignores case; the mirror's does not. Same answers: exact match only.
        using var page = await api.GetAsync(url, null, cancellationToken);
        var (order, json) = page.RootElement.Rows()
            .Select(row => (Row: DataverseRows.Read<SalesOrderRow>(row), Json: row))
            .FirstOrDefault(o => o.Row.OrderNumber == orderNumber);
        if (order is null)
        {
            return null;
        }

        order.Lines.AddRange(await api.RestOfExpandedAsync<SalesOrderLineRow>(json, "order_details", cancellationToken));
        order.Invoices.AddRange(await api.RestOfExpandedAsync<InvoiceRow>(json, "order_invoices", cancellationToken));
        foreach (var invoice in order.Invoices)
        {
            invoice.SalesOrder = order;
        }

        return Records.Compiled(Records.SalesOrderHeader)(order) with
        {
            Lines = [.. order.Lines.OrderBy(l => l.SequenceNumber).Select(Records.Compiled(Records.SalesOrderLine))],
            Invoices = [.. order.Invoices.OrderBy(i => i.InvoiceDate).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal).Select(Records.Compiled(Records.InvoiceSummary))],
        };
    }

    // Request budget: one GET per 5,000 of the scope's orders placed since the first of fromMonth (a slim
    // $select of three columns, pages followed through @odata.nextLink), plus the currencies, which are
    // cached reference data. The demo representative's twelve months are one request; the large
    // profile's biggest account a handful. Summed here because the Web API has no $apply aggregation
    // we may rely on across currencies and months in every environment.
    public async Task<IReadOnlyList<MonthlySpend>> SpendByMonthAsync(CustomerScope scope, DateOnly fromMonth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var start = new DateTime(fromMonth.Year, fromMonth.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var url = ODataText.Query(EntitySet,
            ("$select", "createdon,totalamount,_transactioncurrencyid_value"),
            ("$filter", $"{ScopeFilter(scope)} and createdon ge {ODataText.DateTime(start)} and msdyn_processingstatus ne {(int)ProcessingStatus.Canceled}"));

        var rows = await api.GetAllAsync(url, cancellationToken);
        var currencies = await reference.CurrenciesAsync(cancellationToken);
        var sums = new Dictionary<(int Year, int Month, Guid Currency), (decimal Total, int Count)>();
        foreach (var row in rows)
        {
            var createdOn = row.GetProperty("createdon").GetDateTime().ToUniversalTime();
            var key = (createdOn.Year, createdOn.Month, row.GetProperty("_transactioncurrencyid_value").GetGuid());
            var (total, count) = sums.GetValueOrDefault(key);
            sums[key] = (total + row.GetProperty("totalamount").GetDecimal(), count + 1);
        }

        return [.. sums
            .Where(s => currencies.ContainsKey(s.Key.Currency))
            .Select(s => new MonthlySpend(s.Key.Year, s.Key.Month, currencies[s.Key.Currency], s.Value.Total, s.Value.Count))
            .OrderBy(s => s.Year).ThenBy(s => s.Month).ThenBy(s => s.Currency.IsoCode, StringComparer.Ordinal)];
    }

    // OrderProgress as $filter, exactly as DeliveryRules defines it and as the mirror's WhereProgress: the
    // expected receipt date is the confirmed one, else the requested one. Without Today only the status
    // part applies. Status sets go as Microsoft.Dynamics.CRM.In, dates as unquoted Edm.Date literals.
    internal static string? ProgressFilter(OrderProgress progress, DateOnly? today)
    {
        if (progress == OrderProgress.Any)
        {
            return null;
        }

        var statuses = progress == OrderProgress.RecentlyDelivered ? DeliveryRules.DeliveredStatuses : DeliveryRules.OpenStatuses;
        var inStatuses = "Microsoft.Dynamics.CRM.In(PropertyName='msdyn_processingstatus',PropertyValues=["
            + string.Join(",", statuses.Select(s => "'" + ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) + "'")) + "])";
        if (today is not { } day || progress == OrderProgress.Open)
        {
            return inStatuses;
        }

        static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        static string Expected(string condition) =>
            $"((msdyn_confirmedreceiptdate ne null and {string.Format(System.Globalization.CultureInfo.InvariantCulture, condition, "msdyn_confirmedreceiptdate")})"
            + $" or (msdyn_confirmedreceiptdate eq null and {string.Format(System.Globalization.CultureInfo.InvariantCulture, condition, "msdyn_requestedreceiptdate")}))";

        var dates = progress switch
        {
            OrderProgress.Late => Expected($"{{0}} lt {Date(day)}"),
            OrderProgress.DueSoon => Expected($"{{0}} ge {Date(day)} and {{0}} le {Date(day.AddDays(DeliveryRules.DueSoonDays))}"),
            OrderProgress.RecentlyDelivered => Expected($"{{0}} ge {Date(day.AddDays(-DeliveryRules.RecentlyDeliveredDays))} and {{0}} le {Date(day)}"),
            _ => null,
        };
        return dates is null ? inStatuses : $"{inStatuses} and {dates}";
    }

    // The scope becomes OData through the one ownership rule: the account and legal entity always,
    // and the contact person too for authorized users.
    internal static string ScopeFilter(CustomerScope scope) => DataverseRows.OwnerFilter<SalesOrderRow>(scope);
}
