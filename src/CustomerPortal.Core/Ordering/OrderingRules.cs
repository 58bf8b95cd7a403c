using CustomerPortal.Core.Orders;
using CustomerPortal.Core.Products;

namespace CustomerPortal.Core.Ordering;

// The rules of placing an order, in one place: OrderEntry enforces them on submit, and the pages
// call the same methods to say early what a submit would refuse.
public static class OrderingRules
{
    // Orders can be long, but a paste of thousands of lines is a mistake, not an order.
    public const int MaxLines = 200;

    // Large enough for pallets of screws, small enough to catch a mistyped quantity.
    public const decimal MaxQuantity = 100_000m;

    // salesorderdetail.quantity has five decimal places.
    public const int MaxQuantityDecimals = 5;

    public const int MaxRequisitionNumberLength = 20;
    public const int MaxCustomerReferenceLength = 60;
    public const int MaxDeliveryAddressDescriptionLength = 60;
    public const int MaxAddressLineLength = 250;

    // What dual-write expects on an order created outside Supply Chain Management: an active, new,
    // item-based order that SCM has not touched yet (processing status Active).
    public static ProcessingStatus NewOrderProcessingStatus => ProcessingStatus.Active;

    public static (SalesOrderState State, SalesOrderStatusReason Reason) NewOrderStatus =>
        OrderStatusRules.DataverseStatusFor(NewOrderProcessingStatus);

    public static SalesOrderType NewOrderType => SalesOrderType.ItemBased;

    public static ProductRefusal? RefusalFor(ProductState state, bool isOnPriceList, string? priceCurrency, string? orderCurrency) => state switch
    {
        ProductState.Retired => ProductRefusal.Retired,
        not ProductState.Active => ProductRefusal.NotActive,
        _ when !isOnPriceList => ProductRefusal.NotOnPriceList,
        _ when priceCurrency is null || orderCurrency is null
            || !string.Equals(priceCurrency, orderCurrency, StringComparison.OrdinalIgnoreCase) => ProductRefusal.WrongCurrency,
        _ => null,
    };

    // A line's quantity after more of the same product is added. Anything past MaxQuantity is refused
    // anyway, so each part is capped just past it: a posted 7.9e28 added to 5 cannot overflow decimal.
    public static decimal Merge(decimal current, decimal added) =>
        Math.Clamp(current, -MaxQuantity - 1, MaxQuantity + 1) + Math.Clamp(added, -MaxQuantity - 1, MaxQuantity + 1);

    public static QuantityProblem? CheckQuantity(decimal quantity, int unitDecimals)
    {
        if (quantity <= 0)
        {
            return QuantityProblem.NotPositive;
        }

        if (quantity > MaxQuantity)
        {
            return QuantityProblem.TooLarge;
        }

        var allowed = Math.Clamp(unitDecimals, 0, MaxQuantityDecimals);
        return decimal.Round(quantity, allowed) != quantity ? QuantityProblem.TooManyDecimals : null;
    }

    // Each line is rounded to the currency's precision first (whole yen, cents), then the lines are
    // added up, so the total always equals the sum of the amounts shown. Midpoints round away from
    // zero, as Supply Chain Management does for sales prices.
    public static decimal LineAmount(decimal quantity, decimal unitPrice, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return decimal.Round(quantity * unitPrice, Math.Clamp(currency.Precision, 0, 10), MidpointRounding.AwayFromZero);
    }

    public static decimal Total(IEnumerable<(decimal Quantity, decimal UnitPrice)> lines, Currency currency) =>
        lines.Sum(line => LineAmount(line.Quantity, line.UnitPrice, currency));
    // "Not in the past" for a customer anywhere: nobody's calendar is more than 12 hours behind UTC,
    // so yesterday in UTC can still be today for them late in the evening in the Americas.
    public static DateOnly EarliestReceiptDate(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(-12));
    }

    // What is refused before anything is written: the order as a whole...
    public static List<SubmitRefusal> CheckOrder(NewSalesOrder order, DateOnly earliestReceiptDate)
    {
        ArgumentNullException.ThrowIfNull(order);
        var address = order.DeliveryAddress;
        var refusals = new List<SubmitRefusal>();
        if (order.Lines.Count == 0) refusals.Add(new SubmitRefusal(SubmitRefusalReason.NoLines));
        if (order.Lines.Count > MaxLines) refusals.Add(new SubmitRefusal(SubmitRefusalReason.TooManyLines));
        if (order.RequestedReceiptDate == default) refusals.Add(new SubmitRefusal(SubmitRefusalReason.MissingRequestedReceiptDate));
        else if (order.RequestedReceiptDate < earliestReceiptDate) refusals.Add(new SubmitRefusal(SubmitRefusalReason.RequestedReceiptDateTooEarly));
        // Street and city are what a carrier cannot do without; the other parts are optional.
        if (string.IsNullOrWhiteSpace(address.Line1) || string.IsNullOrWhiteSpace(address.City)) refusals.Add(new SubmitRefusal(SubmitRefusalReason.MissingDeliveryAddress));
        if ((order.RequisitionNumber?.Length ?? 0) > MaxRequisitionNumberLength
            || (order.CustomerReference?.Length ?? 0) > MaxCustomerReferenceLength
            || new[] { address.Line1, address.Line2, address.City, address.StateOrProvince, address.PostalCode }
                .Any(part => (part?.Length ?? 0) > MaxAddressLineLength))
        {
            refusals.Add(new SubmitRefusal(SubmitRefusalReason.TextTooLong));
        }

        return refusals;
    }

    // ...and each line against the products as this contact may order them, keyed by product id.
    public static List<SubmitRefusal> CheckLines(NewSalesOrder order, IReadOnlyDictionary<Guid, OrderableProduct> products)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(products);
        return
        [
            .. order.Lines.Select((line, i) => CheckLine(products.GetValueOrDefault(line.ProductId), line.Quantity) is { } refusal
                ? refusal with { LineIndex = i }
                : null).OfType<SubmitRefusal>(),
        ];
    }

    // Can this quantity of this product go on an order: the one check behind every page that adds,
    // copies, prices or reviews a line, and behind the submit. A null product is one that no longer exists.
    public static SubmitRefusal? CheckLine(OrderableProduct? product, decimal quantity) =>
        product is null ? new SubmitRefusal(SubmitRefusalReason.UnknownProduct)
        : !product.IsOrderable ? new SubmitRefusal(SubmitRefusalReason.ProductNotOrderable, Product: product.Refusal ?? ProductRefusal.NotOnPriceList)
        : CheckQuantity(quantity, product.QuantityDecimals) is { } problem ? new SubmitRefusal(SubmitRefusalReason.InvalidQuantity, Quantity: problem)
        : null;

    // Can this line of a past order go on a new one. A write-in line has no product to look up, so it is
    // refused for what it is, not as a product that no longer exists.
    public static SubmitRefusal? CheckReorder(SalesOrderLine line, OrderableProduct? product)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.IsWriteIn ? new SubmitRefusal(SubmitRefusalReason.WriteInLine) : CheckLine(product, line.Quantity);
    }

    // The order defaults of Microsoft's template, from the contact. The contact only counts for the
    // account and legal entity of the scope: a contact moved to another account since sign-in orders
    // for nobody until the claims catch up.
    public static OrderingDefaults DefaultsFor(CustomerScope scope, OrderingContact? contact)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var company = contact?.CompanyId == scope.CompanyId ? contact.Company : null;
        var account = contact?.AccountId == scope.AccountId ? contact.Account : null;
        var currency = contact?.CurrencyId is null ? null : contact.Currency;
        var country = string.IsNullOrWhiteSpace(contact?.Country) ? null : contact.Country.Trim();

        var missing = new List<MissingOrderingField>();
        if (company is null) missing.Add(MissingOrderingField.For(OrderingField.Company));
        if (account is null) missing.Add(MissingOrderingField.For(OrderingField.CustomerAccount));
        if (contact?.PriceListId is null || contact.PriceListName is null) missing.Add(MissingOrderingField.For(OrderingField.PriceList));
        if (currency is null) missing.Add(MissingOrderingField.For(OrderingField.Currency));
        if (country is null) missing.Add(MissingOrderingField.For(OrderingField.ShipToCountry));

        return new OrderingDefaults(
            company,
            account,
            // Microsoft's template: the invoice customer defaults to the ordering customer.
            account,
            scope.ContactId,
            contact?.FullName ?? "",
            contact?.PriceListName,
            currency,
            // Neither source's contact carries a language the portal reads; orders default to en-us, as the seed does.
            OrderLanguage.EnglishUnitedStates,
            country,
            account is null ? null : contact!.AccountAddress,
            missing);
    }

    // Item numbers are upper-case in Supply Chain Management; a pasted "a00012" still finds A00012.
    // Both the text as typed and its upper case are looked up, so every source finds the same products.
    public static List<string> ItemNumberCandidates(IEnumerable<string> itemNumbers) =>
        [.. itemNumbers.Where(n => !string.IsNullOrWhiteSpace(n))
            .SelectMany(n => new[] { n.Trim(), n.Trim().ToUpperInvariant() })
            .Distinct(StringComparer.Ordinal)];
}
