using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Data.Dataverse;

// The order-entry reads and the one write over the Web API. The contact is one read with its account,
// company, price list and currency expanded; products and prices come from cached reference data; an
// insert is one deep insert (salesorder + order_details) under the salesorderid the draft chose, so a
// retry can never create a second order: a duplicate id is read back and returned as already stored.
internal sealed class DataverseOrderEntryStore(DataverseWebApi api, ReferenceData reference, OrderNumberSequence numbers) : IOrderEntryStore
{
    private const int MaxAttempts = 10;

    // The ordering contact in one read: its account (number, name, address), legal entity, price list and currency.
    private static readonly string ContactExpand = string.Join(",",
        DataverseRows.Expand<ContactRow>("parentcustomerid"), DataverseRows.Expand<ContactRow>("msdyn_company"),
        DataverseRows.Expand<ContactRow>("defaultpricelevelid"), DataverseRows.Expand<ContactRow>("transactioncurrencyid"));

    public async Task<string?> InsertAsync(PlacedSalesOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        for (var attempt = 1; ; attempt++)
        {
            var orderNumber = await numbers.NextAsync(order.CompanyId, cancellationToken);
            var result = await api.PostAsync("salesorders", ToBody(order, orderNumber), cancellationToken);
            if (result.Succeeded)
            {
                return orderNumber;
            }

            // A duplicate: either this very order exists (a retry, a double click, another tab, a lost
            // response) or another process took the number.
            var conflict = result.Status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed;
            if (conflict && await FindAsync(order.SalesOrderId, cancellationToken) is not null)
            {
                return null;
            }

            if (!conflict || !IsDuplicate(result) || attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"Dataverse refused the order with {(int)result.Status}: {result.ErrorCode} {result.ErrorMessage}");
            }

            await numbers.RefreshAsync(order.CompanyId, cancellationToken);
        }
    }

    // 0x80040237 duplicate record, 0x80060892 duplicate alternate key, 412 "matching key values already exists".
    private static bool IsDuplicate(WriteResult result) =>
        result.Status is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict
        || result.ErrorCode is "0x80040237" or "0x80060892" or "0x80040333"
        || (result.ErrorMessage ?? "").Contains("already exists", StringComparison.OrdinalIgnoreCase)
        || (result.ErrorMessage ?? "").Contains("duplicate", StringComparison.OrdinalIgnoreCase);

    public async Task<StoredSalesOrder?> FindAsync(Guid salesOrderId, CancellationToken cancellationToken) =>
        (await api.RowsAsync<SalesOrderRow>(ODataText.Query("salesorders",
            ("$select", DataverseRows.Select<SalesOrderRow>()),
            ("$filter", $"salesorderid eq {ODataText.Guid(salesOrderId)}")), cancellationToken))
            .Select(Records.Compiled(Records.StoredSalesOrder)).FirstOrDefault();

    public async Task<OrderingContact?> ReadContactAsync(Guid contactId, CancellationToken cancellationToken) =>
        (await api.RowsAsync<ContactRow>(ODataText.Query("contacts",
            ("$select", DataverseRows.Select<ContactRow>()),
            ("$filter", $"contactid eq {ODataText.Guid(contactId)} and statecode eq 0"),
            ("$expand", ContactExpand)), cancellationToken))
            .Select(Records.Compiled(Records.OrderingContact)).FirstOrDefault();

    public async Task<IReadOnlyList<ListedProduct>> LookUpAsync(
        Guid? priceListId, IReadOnlyCollection<string> itemNumbers, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, ProductRow>();
        foreach (var chunk in itemNumbers.Chunk(50))
        {
            var filter = string.Join(" or ", chunk.Select(n => $"msdyn_productnumber eq {ODataText.Literal(n)}"));
            foreach (var product in await reference.QueryProductsAsync(filter, cancellationToken))
            {
                found[product.ProductId] = product;
            }
        }

        foreach (var (id, product) in await reference.ProductsAsync([.. productIds.Where(id => !found.ContainsKey(id))], cancellationToken))
        {
            found[id] = product;
        }

        var prices = priceListId is { } listId ? await reference.PricesAsync(listId, cancellationToken) : null;
        var currencies = await reference.CurrenciesAsync(cancellationToken);
        return
        [
            .. found.Values.Select(p => prices?.InDefaultUnit(p) is { } price
                ? Records.ListedProduct(p, price.Amount, price.CurrencyId is { } currencyId ? currencies.GetValueOrDefault(currencyId) : null)
                : Records.ListedProduct(p, null, null)),
        ];
    }

    // The deep insert: every column dual-write needs to create the order in Supply Chain Management,
    // lookups bound with @odata.bind, our own ids on the order and every line.
    internal static JsonObject ToBody(PlacedSalesOrder order, string orderNumber)
    {
        var address = order.DeliveryAddress;
        var company = $"/cdm_companies({ODataText.Guid(order.CompanyId)})";
        var currencyBind = $"/transactioncurrencies({ODataText.Guid(order.CurrencyId)})";
        var requestedReceiptDate = order.RequestedReceiptDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lines = new JsonArray();
        foreach (var line in order.Lines)
        {
            lines.Add(new JsonObject
            {
                ["salesorderdetailid"] = ODataText.Guid(line.SalesOrderLineId),
                ["salesorderdetailname"] = line.ProductName,
                ["productid@odata.bind"] = $"/products({ODataText.Guid(line.ProductId)})",
                ["uomid@odata.bind"] = $"/uoms({ODataText.Guid(line.UnitId)})",
                ["msdyn_company@odata.bind"] = company,
                ["transactioncurrencyid@odata.bind"] = currencyBind,
                ["description"] = line.ProductName,
                ["isproductoverridden"] = false,
                ["quantity"] = line.Quantity,
                ["priceperunit"] = line.UnitPrice,
                // The dual-write line map forces this to true: the price is the customer's estimate until SCM prices the line.
                ["ispriceoverridden"] = true,
                ["baseamount"] = line.Amount,
                ["manualdiscountamount"] = 0m,
                ["tax"] = 0m,
                ["extendedamount"] = line.Amount,
                ["sequencenumber"] = line.LineNumber,
                ["lineitemnumber"] = line.LineNumber,
                ["msdyn_linestatus"] = (int)OrderLineStatus.None,
                ["msdyn_requestedreceiptdate"] = requestedReceiptDate,
                ["shipto_country"] = address.Country,
                ["msdyn_deliveryaddressdescription"] = order.DeliveryAddressDescription,
            });
        }

        return new JsonObject
        {
            ["salesorderid"] = ODataText.Guid(order.SalesOrderId),
            ["name"] = orderNumber,
            ["msdyn_salesordernumber"] = orderNumber,
            ["msdyn_company@odata.bind"] = company,
            ["customerid_account@odata.bind"] = $"/accounts({ODataText.Guid(order.CustomerAccountId)})",
            ["msdyn_invoicecustomerid_account@odata.bind"] = $"/accounts({ODataText.Guid(order.InvoiceAccountId)})",
            ["msdyn_contactperson@odata.bind"] = $"/contacts({ODataText.Guid(order.ContactPersonId)})",
            ["pricelevelid@odata.bind"] = $"/pricelevels({ODataText.Guid(order.PriceListId)})",
            ["transactioncurrencyid@odata.bind"] = currencyBind,
            ["msdyn_ordertype"] = (int)order.OrderType,
            ["msdyn_isreadytosync"] = true,
            ["msdyn_language"] = (int)order.Language,
            ["msdyn_customerrequisitionnumber"] = order.RequisitionNumber,
            ["msdyn_customersorderreference"] = order.CustomerReference,
            ["msdyn_requestedreceiptdate"] = requestedReceiptDate,
            ["shipto_line1"] = address.Line1,
            ["shipto_line2"] = address.Line2,
            ["shipto_city"] = address.City,
            ["shipto_stateorprovince"] = address.StateOrProvince,
            ["shipto_postalcode"] = address.PostalCode,
            ["shipto_country"] = address.Country,
            ["msdyn_deliveryaddressdescription"] = order.DeliveryAddressDescription,
            // statecode is not valid on create; a new order is Active, and its status reason New.
            ["statuscode"] = (int)order.Status.Reason,
            ["msdyn_processingstatus"] = (int)order.ProcessingStatus,
            ["totallineitemamount"] = order.TotalAmount,
            ["totalamountlessfreight"] = order.TotalAmount,
            ["totalamount"] = order.TotalAmount,
            ["order_details"] = lines,
        };
    }
}
