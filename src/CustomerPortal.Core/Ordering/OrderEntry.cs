namespace CustomerPortal.Core.Ordering;

// Placing a sales order, written once for every data source: check the order, take the defaults from
// the contact, price the lines and hand the finished order to the data source, which numbers and
// writes it. Scoped (one per page request), so the contact is read once however many calls a page
// makes: the review's submit loads defaults, prices the lines and submits on one contact read.
public sealed class OrderEntry(IOrderEntryStore store, TimeProvider time) : IOrderEntry
{
    private (Guid ContactId, OrderingContact? Contact)? _contact;

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
        var (placed, refusals) = await PlaceAsync(scope, order, cancellationToken);
        if (placed is not null && await store.InsertAsync(placed, cancellationToken) is { } orderNumber)
        {
            return SubmitResult.Created(orderNumber);
        }

        // Nothing written. A retry of an order already placed (a double click, a lost response, a receipt
        // date that has passed since) gets that order back, not the reasons a new order would be refused.
        return await store.FindAsync(order.SalesOrderId, cancellationToken) is { } stored ? AnswerFor(scope, stored)
            : placed is null ? SubmitResult.Refused(refusals)
            : throw new InvalidOperationException($"The data source reported sales order {order.SalesOrderId} as taken but cannot find it.");
    }

    // The order as it will be written, or why it cannot be: the order as a whole first, then the
    // contact, then each line, so the customer is never asked about lines of an order that cannot be.
    private async Task<(PlacedSalesOrder? Order, IReadOnlyList<SubmitRefusal> Refusals)> PlaceAsync(
        CustomerScope scope, NewSalesOrder order, CancellationToken cancellationToken)
    {
        if (OrderingRules.CheckOrder(order, OrderingRules.EarliestReceiptDate(time)) is { Count: > 0 } orderRefusals)
        {
            return (null, orderRefusals);
        }

        var contact = await ContactOf(scope, cancellationToken);
        var defaults = OrderingRules.DefaultsFor(scope, contact);
        if (!defaults.CanOrder)
        {
            return (null, [.. defaults.Missing.Select(m => new SubmitRefusal(SubmitRefusalReason.MissingContactField, Field: m.Field))]);
        }

        var products = (await LookUp(contact, [], [.. order.Lines.Select(l => l.ProductId).Distinct()], cancellationToken))
            .ToDictionary(p => p.Product.ProductId);
        if (OrderingRules.CheckLines(order, products.ToDictionary(p => p.Key, p => p.Value.Product)) is { Count: > 0 } lineRefusals)
        {
            return (null, lineRefusals);
        }

        return (Place(scope, contact!, defaults, order, products), []);
    }

    // Every column dual-write needs to create the order in Supply Chain Management (header: company,
    // name, currency, price list, ship-to country, customer, language, delivery address description;
    // lines: product, quantity, unit, ship-to country, delivery address description).
    private static PlacedSalesOrder Place(
        CustomerScope scope, OrderingContact contact, OrderingDefaults defaults, NewSalesOrder order, Dictionary<Guid, PricedProduct> products)
    {
        var address = order.DeliveryAddress;
        var customer = defaults.Customer!.Name;
        return new PlacedSalesOrder(
            order.SalesOrderId,
            scope.CompanyId,
            scope.AccountId,
            defaults.InvoiceAccount!.AccountId,
            scope.ContactId,
            contact.PriceListId!.Value,
            contact.CurrencyId!.Value,
            defaults.Language,
            order.RequestedReceiptDate,
            // Shown, not asked: the ship-to country comes from the contact, as in Microsoft's template.
            new PostalAddress(Blank(address.Line1), Blank(address.Line2), Blank(address.City), Blank(address.StateOrProvince),
                Blank(address.PostalCode), defaults.ShipToCountry),
            customer[..Math.Min(customer.Length, OrderingRules.MaxDeliveryAddressDescriptionLength)],
            Blank(order.RequisitionNumber),
            Blank(order.CustomerReference),
            [
                .. order.Lines.Select((line, i) =>
                {
                    var (product, unitId) = products[line.ProductId];
                    return new PlacedSalesOrderLine(line.SalesOrderLineId, i + 1, product.ProductId, product.Name, unitId, line.Quantity,
                        product.UnitPrice!.Value, OrderingRules.LineAmount(line.Quantity, product.UnitPrice.Value, defaults.Currency!));
                }),
            ]);
    }

    private async Task<List<PricedProduct>> LookUp(
        OrderingContact? contact, IReadOnlyCollection<string> itemNumbers, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        if (itemNumbers.Count == 0 && productIds.Count == 0)
        {
            return [];
        }

        var numbers = OrderingRules.ItemNumberCandidates(itemNumbers);
        var listed = await store.LookUpAsync(contact?.PriceListId, numbers, productIds, cancellationToken);

        // Dataverse compares case-insensitively, the mirror does not: keep exactly the candidates, so every source finds the same products.
        var wanted = numbers.ToHashSet(StringComparer.Ordinal);
        return
        [
            .. listed.Where(p => wanted.Contains(p.ItemNumber) || productIds.Contains(p.ProductId))
                .DistinctBy(p => p.ProductId)
                .OrderBy(p => p.ItemNumber, StringComparer.Ordinal)
                .Select(p => new PricedProduct(
                    new OrderableProduct(p.ProductId, p.ItemNumber, p.Name, p.State, p.Unit, p.QuantityDecimals, p.UnitPrice, p.PriceCurrency,
                        OrderingRules.RefusalFor(p.State, p.UnitPrice is not null, p.PriceCurrency?.IsoCode, contact?.Currency?.IsoCode)),
                    p.UnitId)),
        ];
    }

    private async Task<OrderingContact?> ContactOf(CustomerScope scope, CancellationToken cancellationToken)
    {
        if (_contact is { } known && known.ContactId == scope.ContactId)
        {
            return known.Contact;
        }

        var contact = await store.ReadContactAsync(scope.ContactId, cancellationToken);
        _contact = (scope.ContactId, contact);
        return contact;
    }

    // An order this scope may see is the same order submitted again; any other is never overwritten, never revealed.
    private static SubmitResult AnswerFor(CustomerScope scope, StoredSalesOrder stored) =>
        stored.CustomerAccountId == scope.AccountId && stored.CompanyId == scope.CompanyId
        && (scope.SeesWholeAccount || stored.ContactPersonId == scope.ContactId)
            ? SubmitResult.AlreadySubmitted(stored.OrderNumber)
            : SubmitResult.Refused([new SubmitRefusal(SubmitRefusalReason.IdInUse)]);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record PricedProduct(OrderableProduct Product, Guid UnitId);
}
