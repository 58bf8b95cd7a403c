using System.Text.Json;
using CustomerPortal.Core;
using CustomerPortal.Core.Orders;

namespace CustomerPortal.Data.Dataverse;

// Orders over the Web API: the list is one request per page, the details one request with the lines
// expanded. Scope filters always go to the server; nothing outside the scope ever leaves Dataverse.
internal sealed class DataverseSalesOrderStore(DataverseWebApi api, NextLinkTokens tokens, ReferenceData reference) : ISalesOrderStore
{
    private const string EntitySet = "salesorders";

    private const string SummarySelect = "salesorderid,msdyn_salesordernumber,msdyn_customerrequisitionnumber,createdon,"
        + "msdyn_requestedreceiptdate,msdyn_processingstatus,totalamount,_msdyn_contactperson_value";

    private const string HeaderSelect = SummarySelect + ",msdyn_customersorderreference,msdyn_confirmedreceiptdate,msdyn_confirmedshippingdate,"
        + "statecode,msdyn_deliveryaddressdescription,shipto_line1,shipto_line2,shipto_city,shipto_stateorprovince,shipto_postalcode,shipto_country,"
        + "totallineitemamount,discountamount,freightamount,totaltax";

    // Lines come in the same request as the header (a single-level collection $expand); their products
    // and units are reference data, cached. A nested $expand would make Dataverse page the lines and
    // forbid $orderby inside, and the local emulator does not emulate it; lines are put in sequence order here.
    private const string LinesExpand = "order_details($select=salesorderdetailid,sequencenumber,quantity,priceperunit,manualdiscountamount,"
        + "extendedamount,msdyn_linestatus,msdyn_requestedreceiptdate,_productid_value,_uomid_value)";

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
            ("$select", SummarySelect),
            ("$filter", string.Join(" and ", filter)),
            ("$orderby", orderBy),
            ("$expand", ODataText.CurrencySelect));

        // Dataverse has no $skip: pages come from the server's next link, which the token carries.
        var fingerprint = string.Join("|", "orders", scope.ContactId, scope.AccountId, scope.CompanyId, scope.Role, url, pageSize);
        var next = tokens.Unprotect(query.ContinuationToken, fingerprint, EntitySet);

        using var page = await api.GetAsync(next ?? url, pageSize, formattedValues: true, cancellationToken);
        var items = page.RootElement.Rows().Select(ToSummary).ToList();
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
            ("$select", HeaderSelect),
            ("$filter", $"{ScopeFilter(scope)} and msdyn_salesordernumber eq {ODataText.Literal(orderNumber)}"),
            ("$expand", string.Join(",", ODataText.CurrencySelect, ODataText.CompanySelect,
                "customerid_account($select=accountnumber,name)", LinesExpand)));

        using var page = await api.GetAsync(url, null, formattedValues: true, cancellationToken);
        // Dataverse string equality ignores case; the mirror's does not. Same answers: exact match only.
        var row = page.RootElement.Rows().FirstOrDefault(r => r.Str("msdyn_salesordernumber") == orderNumber);
        if (row.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var details = row.Rows("order_details").ToList();
        var products = await reference.ProductsAsync([.. details.Select(l => l.Id("_productid_value")).OfType<Guid>()], cancellationToken);
        var units = await reference.UnitsAsync(cancellationToken);
        var lines = details.Select(l => ToLine(l, products, units)).OrderBy(l => l.LineNumber).ToList();
        var account = row.Object("customerid_account");
        return new SalesOrder(
            row.Id("salesorderid")!.Value,
            row.Text("msdyn_salesordernumber"),
            row.Str("msdyn_customerrequisitionnumber"),
            row.Str("msdyn_customersorderreference"),
            row.Timestamp("createdon") ?? default,
            row.Date("msdyn_requestedreceiptdate"),
            row.Date("msdyn_confirmedreceiptdate"),
            row.Date("msdyn_confirmedshippingdate"),
            (ProcessingStatus)(row.Int("msdyn_processingstatus") ?? 0),
            (SalesOrderState)(row.Int("statecode") ?? 0),
            account?.Text("accountnumber") ?? "",
            account?.Text("name") ?? "",
            row.Object("msdyn_company")?.ToLegalEntity() ?? new LegalEntity(scope.CompanyId, "", ""),
            row.Formatted("_msdyn_contactperson_value"),
            row.Str("msdyn_deliveryaddressdescription"),
            new PostalAddress(row.Str("shipto_line1"), row.Str("shipto_line2"), row.Str("shipto_city"),
                row.Str("shipto_stateorprovince"), row.Str("shipto_postalcode"), row.Str("shipto_country")),
            row.Object("transactioncurrencyid")?.ToCurrency() ?? new Currency("", "", 2),
            row.Dec("totallineitemamount") ?? 0,
            row.Dec("discountamount") ?? 0,
            row.Dec("freightamount") ?? 0,
            row.Dec("totaltax") ?? 0,
            row.Dec("totalamount") ?? 0,
            lines);
    }

    // The one place the scope becomes OData: the account and legal entity always, and the contact
    // person too for authorized users.
    internal static string ScopeFilter(CustomerScope scope)
    {
        var filter = $"_customerid_value eq {ODataText.Guid(scope.AccountId)} and _msdyn_company_value eq {ODataText.Guid(scope.CompanyId)}";
        return scope.SeesWholeAccount ? filter : filter + $" and _msdyn_contactperson_value eq {ODataText.Guid(scope.ContactId)}";
    }

    private static SalesOrderSummary ToSummary(JsonElement row) => new(
        row.Id("salesorderid")!.Value,
        row.Text("msdyn_salesordernumber"),
        row.Str("msdyn_customerrequisitionnumber"),
        row.Timestamp("createdon") ?? default,
        row.Date("msdyn_requestedreceiptdate"),
        (ProcessingStatus)(row.Int("msdyn_processingstatus") ?? 0),
        row.Dec("totalamount") ?? 0,
        row.Object("transactioncurrencyid")?.ToCurrency() ?? new Currency("", "", 2),
        row.Formatted("_msdyn_contactperson_value"));

    private static SalesOrderLine ToLine(JsonElement line, IReadOnlyDictionary<Guid, ProductFacts> products, IReadOnlyDictionary<Guid, string> units)
    {
        var product = line.Id("_productid_value") is { } productId ? products.GetValueOrDefault(productId) : null;
        return new SalesOrderLine(
            line.Id("salesorderdetailid")!.Value,
            line.Int("sequencenumber") ?? 0,
            product?.ItemNumber ?? "",
            product?.Name ?? "",
            line.Dec("quantity") ?? 0,
            line.Id("_uomid_value") is { } unitId ? units.GetValueOrDefault(unitId) ?? "" : "",
            product?.QuantityDecimals ?? 0,
            line.Dec("priceperunit") ?? 0,
            line.Dec("manualdiscountamount") ?? 0,
            line.Dec("extendedamount") ?? 0,
            (OrderLineStatus)(line.Int("msdyn_linestatus") ?? (int)OrderLineStatus.None),
            line.Date("msdyn_requestedreceiptdate"));
    }
}
