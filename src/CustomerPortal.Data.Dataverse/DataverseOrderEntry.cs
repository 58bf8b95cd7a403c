using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Data.Dataverse;

// The write side over the Web API. Defaults are one contact read with its account, company, price
// list and currency expanded; products and prices come from cached reference data; a submit is one deep
// insert (salesorder + order_details) under the salesorderid the draft chose, so a retry can never
// create a second order: a duplicate id is read back and answered as AlreadySubmitted.
// Scoped (one per page request): the contact is read once per request however many port calls a page makes
// (the review's submit loads defaults, looks up the lines and submits: one contact read, not three).
internal sealed class DataverseOrderEntry(DataverseWebApi api, ReferenceData reference, OrderNumberSequence numbers) : IOrderEntry
{
    private const int MaxAttempts = 10;

    private (Guid ContactId, OrderingContact? Facts)? _contact;

    public async Task<OrderingDefaults> GetDefaultsAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return OrderingRules.DefaultsFor(scope, await ContactOf(scope, cancellationToken));
    }

    public async Task<IReadOnlyList<OrderableProduct>> LookUpAsync(
        CustomerScope scope, IReadOnlyCollection<string> itemNumbers, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(itemNumbers);
        ArgumentNullException.ThrowIfNull(productIds);
        var contact = await ContactOf(scope, cancellationToken);
        return [.. (await LookUp(contact, itemNumbers, productIds, cancellationToken)).Select(p => p.Product)];
    }

    public async Task<SubmitResult> SubmitAsync(CustomerScope scope, NewSalesOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(order);
        if (OrderingRules.CheckOrder(order) is { Count: > 0 } shapeRefusals)
        {
            return SubmitResult.Refused(shapeRefusals);
        }

        var contact = await ContactOf(scope, cancellationToken);
        var defaults = OrderingRules.DefaultsFor(scope, contact);
        if (!defaults.CanOrder)
        {
            return await ExistingAsync(scope, order.SalesOrderId, cancellationToken)
                ?? SubmitResult.Refused([.. defaults.Missing.Select(m => new SubmitRefusal(SubmitRefusalReason.MissingContactField, Field: m.Field))]);
        }

        var products = (await LookUp(contact, [], [.. order.Lines.Select(l => l.ProductId).Distinct()], cancellationToken))
            .ToDictionary(p => p.Product.ProductId);
        var refusals = OrderingRules.CheckLines(order, products.ToDictionary(p => p.Key, p => p.Value.Product));
        if (refusals.Count > 0)
        {
            // The mirror answers "already submitted" before re-checking lines; so do we, at the cost of a read only here.
            return await ExistingAsync(scope, order.SalesOrderId, cancellationToken) ?? SubmitResult.Refused(refusals);
        }

        for (var attempt = 1; ; attempt++)
        {
            var orderNumber = await numbers.NextAsync(scope.CompanyId, cancellationToken);
            var result = await api.PostAsync("salesorders", ToBody(scope, contact!, defaults, order, orderNumber, products), cancellationToken);
            if (result.Succeeded)
            {
                return SubmitResult.Created(orderNumber);
            }

            if (result.Status is not (HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed))
            {
                throw new InvalidOperationException($"Dataverse refused the order with {(int)result.Status}: {result.ErrorCode} {result.ErrorMessage}");
            }

            // A duplicate: either this very order exists (a retry, a double click, another tab, a lost
            // response) or another process took the number.
            if (await ExistingAsync(scope, order.SalesOrderId, cancellationToken) is { } existing)
            {
                return existing;
            }

            if (!IsDuplicate(result) || attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"Dataverse refused the order with {(int)result.Status}: {result.ErrorCode} {result.ErrorMessage}");
            }

            await numbers.RefreshAsync(scope.CompanyId, cancellationToken);
        }
    }

    // 0x80040237 duplicate record, 0x80060892 duplicate alternate key, 412 "matching key values already exists".
    private static bool IsDuplicate(WriteResult result) =>
        result.Status is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict
        || result.ErrorCode is "0x80040237" or "0x80060892" or "0x80040333"
        || (result.ErrorMessage ?? "").Contains("already exists", StringComparison.OrdinalIgnoreCase)
        || (result.ErrorMessage ?? "").Contains("duplicate", StringComparison.OrdinalIgnoreCase);

    private async Task<SubmitResult?> ExistingAsync(CustomerScope scope, Guid salesOrderId, CancellationToken cancellationToken)
    {
        using var page = await api.GetAsync(ODataText.Query("salesorders",
            ("$select", "salesorderid,msdyn_salesordernumber,_customerid_value,_msdyn_company_value,_msdyn_contactperson_value"),
            ("$filter", $"salesorderid eq {ODataText.Guid(salesOrderId)}")), null, formattedValues: false, cancellationToken);
        var row = page.RootElement.Rows().FirstOrDefault();
        if (row.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var visible = row.Id("_customerid_value") == scope.AccountId && row.Id("_msdyn_company_value") == scope.CompanyId
            && (scope.SeesWholeAccount || row.Id("_msdyn_contactperson_value") == scope.ContactId);
        return visible
            ? SubmitResult.AlreadySubmitted(row.Text("msdyn_salesordernumber"))
            : SubmitResult.Refused([new SubmitRefusal(SubmitRefusalReason.IdInUse)]);
    }

    private async Task<OrderingContact?> ContactOf(CustomerScope scope, CancellationToken cancellationToken)
    {
        if (_contact is { } known && known.ContactId == scope.ContactId)
        {
            return known.Facts;
        }

        var facts = await ReadContact(scope, cancellationToken);
        _contact = (scope.ContactId, facts);
        return facts;
    }

    private async Task<OrderingContact?> ReadContact(CustomerScope scope, CancellationToken cancellationToken)
    {
        using var page = await api.GetAsync(ODataText.Query("contacts",
            ("$select", "contactid,fullname,_parentcustomerid_value,_msdyn_company_value,_defaultpricelevelid_value,_transactioncurrencyid_value,address1_country"),
            ("$filter", $"contactid eq {ODataText.Guid(scope.ContactId)} and statecode eq 0"),
            ("$expand", string.Join(",",
                "parentcustomerid_account($select=accountid,accountnumber,name,address1_line1,address1_line2,address1_city,address1_stateorprovince,address1_postalcode,address1_country)",
                ODataText.CompanySelect, "defaultpricelevelid($select=name)", ODataText.CurrencySelect))), null, formattedValues: false, cancellationToken);
        var c = page.RootElement.Rows().FirstOrDefault();
        if (c.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var account = c.Object("parentcustomerid_account");
        return new OrderingContact(
            c.Text("fullname"),
            c.Id("_parentcustomerid_value"),
            c.Id("_msdyn_company_value"),
            c.Object("msdyn_company")?.ToLegalEntity(),
            account is { } a ? new OrderingAccount(a.Id("accountid") ?? c.Id("_parentcustomerid_value")!.Value, a.Text("accountnumber"), a.Text("name")) : null,
            account is { } b ? new PostalAddress(b.Str("address1_line1"), b.Str("address1_line2"), b.Str("address1_city"),
                b.Str("address1_stateorprovince"), b.Str("address1_postalcode"), b.Str("address1_country")) : null,
            c.Id("_defaultpricelevelid_value"),
            c.Object("defaultpricelevelid")?.Str("name"),
            c.Id("_transactioncurrencyid_value"),
            c.Object("transactioncurrencyid")?.ToCurrency(),
            c.Str("address1_country"));
    }

    private async Task<List<PricedProduct>> LookUp(
        OrderingContact? contact, IReadOnlyCollection<string> itemNumbers, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        if (itemNumbers.Count == 0 && productIds.Count == 0)
        {
            return [];
        }

        // Dataverse compares case-insensitively, the mirror does not: keep exactly what the mirror would find.
        var numbers = OrderingRules.ItemNumberCandidates(itemNumbers);
        var wanted = numbers.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<Guid, ProductRow>();
        foreach (var chunk in numbers.Chunk(50))
        {
            var filter = string.Join(" or ", chunk.Select(n => $"msdyn_productnumber eq {ODataText.Literal(n)}"));
            foreach (var product in await reference.QueryProductsAsync(filter, cancellationToken))
            {
                if (wanted.Contains(product.ScmProductNumber))
                {
                    found[product.ProductId] = product;
                }
            }
        }

        foreach (var (id, product) in await reference.ProductsAsync([.. productIds.Where(id => !found.ContainsKey(id))], cancellationToken))
        {
            found[id] = product;
        }

        var prices = contact?.PriceListId is { } priceListId ? await reference.PricesAsync(priceListId, cancellationToken) : null;
        var currencies = await reference.CurrenciesAsync(cancellationToken);
        return
        [
            .. found.Values.OrderBy(p => p.ScmProductNumber, StringComparer.Ordinal).Select(p =>
            {
                (decimal Amount, Guid? CurrencyId)? price = prices is not null && prices.TryGetValue((p.ProductId, p.DefaultUnitId), out var listed) ? listed : null;
                var priceCurrency = price?.CurrencyId is { } currencyId ? currencies.GetValueOrDefault(currencyId) : null;
                var refusal = OrderingRules.RefusalFor(p.State, price is not null, priceCurrency?.IsoCode, contact?.Currency?.IsoCode);
                return new PricedProduct(new OrderableProduct(p.ProductId, p.ScmProductNumber, p.Name, p.State, p.DefaultUnit?.Symbol ?? "", p.QuantityDecimals,
                    price?.Amount, priceCurrency, refusal), p.DefaultUnitId);
            }),
        ];
    }

    // The deep insert: every column dual-write needs to create the order in Supply Chain Management,
    // lookups bound with @odata.bind, our own ids on the order and every line.
    internal static JsonObject ToBody(
        CustomerScope scope, OrderingContact contact, OrderingDefaults defaults, NewSalesOrder order, string orderNumber, Dictionary<Guid, PricedProduct> products)
    {
        var currency = defaults.Currency!;
        var (_, statusReason) = OrderingRules.NewOrderStatus;
        var address = order.DeliveryAddress;
        var description = Truncate(defaults.Customer!.Name, OrderingRules.MaxDeliveryAddressDescriptionLength);
        var company = $"/cdm_companies({ODataText.Guid(scope.CompanyId)})";
        var currencyBind = $"/transactioncurrencies({ODataText.Guid(contact.CurrencyId!.Value)})";

        var lines = new JsonArray();
        var total = 0m;
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            var (product, unitId) = products[line.ProductId];
            var amount = OrderingRules.LineAmount(line.Quantity, product.UnitPrice!.Value, currency);
            total += amount;
            lines.Add(new JsonObject
            {
                ["salesorderdetailid"] = ODataText.Guid(line.SalesOrderLineId),
                ["salesorderdetailname"] = product.Name,
                ["productid@odata.bind"] = $"/products({ODataText.Guid(product.ProductId)})",
                ["uomid@odata.bind"] = $"/uoms({ODataText.Guid(unitId)})",
                ["msdyn_company@odata.bind"] = company,
                ["transactioncurrencyid@odata.bind"] = currencyBind,
                ["description"] = product.Name,
                ["isproductoverridden"] = false,
                ["quantity"] = line.Quantity,
                ["priceperunit"] = product.UnitPrice.Value,
                // The dual-write line map forces this to true: the price is the customer's estimate until SCM prices the line.
                ["ispriceoverridden"] = true,
                ["baseamount"] = amount,
                ["manualdiscountamount"] = 0m,
                ["tax"] = 0m,
                ["extendedamount"] = amount,
                ["sequencenumber"] = i + 1,
                ["lineitemnumber"] = i + 1,
                ["msdyn_linestatus"] = (int)OrderLineStatus.None,
                ["msdyn_requestedreceiptdate"] = order.RequestedReceiptDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["shipto_country"] = defaults.ShipToCountry,
                ["msdyn_deliveryaddressdescription"] = description,
            });
        }

        return new JsonObject
        {
            ["salesorderid"] = ODataText.Guid(order.SalesOrderId),
            ["name"] = orderNumber,
            ["msdyn_salesordernumber"] = orderNumber,
            ["msdyn_company@odata.bind"] = company,
            ["customerid_account@odata.bind"] = $"/accounts({ODataText.Guid(scope.AccountId)})",
            ["msdyn_contactperson@odata.bind"] = $"/contacts({ODataText.Guid(scope.ContactId)})",
            ["pricelevelid@odata.bind"] = $"/pricelevels({ODataText.Guid(contact.PriceListId!.Value)})",
            ["transactioncurrencyid@odata.bind"] = currencyBind,
            ["msdyn_ordertype"] = (int)OrderingRules.NewOrderType,
            ["msdyn_isreadytosync"] = true,
            ["msdyn_language"] = (int)defaults.Language,
            ["msdyn_customerrequisitionnumber"] = Blank(order.RequisitionNumber),
            ["msdyn_customersorderreference"] = Blank(order.CustomerReference),
            ["msdyn_requestedreceiptdate"] = order.RequestedReceiptDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["shipto_line1"] = Blank(address.Line1),
            ["shipto_line2"] = Blank(address.Line2),
            ["shipto_city"] = Blank(address.City),
            ["shipto_stateorprovince"] = Blank(address.StateOrProvince),
            ["shipto_postalcode"] = Blank(address.PostalCode),
            // Shown, not asked: the ship-to country comes from the contact, as in Microsoft's template.
            ["shipto_country"] = defaults.ShipToCountry,
            ["msdyn_deliveryaddressdescription"] = description,
            // statecode is not valid on create; a new order is Active, and its status reason New.
            ["statuscode"] = (int)statusReason,
            ["msdyn_processingstatus"] = (int)OrderingRules.NewOrderProcessingStatus,
            ["totallineitemamount"] = total,
            ["totalamountlessfreight"] = total,
            ["totalamount"] = total,
            ["order_details"] = lines,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    internal sealed record PricedProduct(OrderableProduct Product, Guid UnitId);
}
