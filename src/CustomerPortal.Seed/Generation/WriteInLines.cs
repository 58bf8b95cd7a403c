using CustomerPortal.Core.Orders;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// Now and then an order ends with a write-in line: something sold outside the catalogue, a service or a
// customer-specific make, with no product, only its description (productdescription, isproductoverridden).
// Its draws come from a stream of their own, so every product line and every other row stays as it was.
internal static class WriteInLines
{
    private const double Share = 0.04;

    // Priced in dollars and converted at the currency's exchange rate, as the products are.
    private static readonly (string Description, decimal DollarPrice, bool PerPiece)[] Catalogue =
    [
        ("On-site installation, half a day", 480m, false),
        ("Express handling and delivery", 95m, false),
        ("Engraving with the customer's logo", 12.5m, true),
        ("Cut to length to the customer's drawing", 18m, true),
        ("Pallet wrapping and labelling to the customer's specification", 42m, false),
        ("Extended warranty, 24 months", 120m, false),
        ("Sample set in a customer-specific finish", 65m, false),
        ("Assembly before dispatch", 7.5m, true),
    ];

    // The write-in line of an order that has room for one more line, or null for most orders.
    public static SalesOrderLineRow? For(SeedProfile profile, SalesOrderRow order, int orderIndex, CurrencyRow currency, ProcessingStatus status)
    {
        var random = new Random(SeedIds.RandomSeed(profile.RandomSeed, SeedStream.WriteInLineDraws, orderIndex));
        if (random.NextDouble() >= Share || order.Lines.Count >= profile.Counts.LinesPerOrder.Max)
        {
            return null;
        }

        var (description, dollarPrice, perPiece) = Catalogue[random.Next(Catalogue.Length)];
        var quantity = perPiece ? random.Next(2, 25) : 1;
        var price = Math.Round(dollarPrice * currency.ExchangeRate, currency.Precision, MidpointRounding.AwayFromZero);
        var amount = Math.Round(quantity * price, currency.Precision, MidpointRounding.AwayFromZero);
        var sequence = order.Lines.Count + 1;
        return new SalesOrderLineRow
        {
            SalesOrderLineId = SeedIds.For(profile.RandomSeed, SeedStream.SalesOrderLineId, orderIndex, sequence),
            SalesOrderId = order.SalesOrderId,
            Name = description,
            CompanyId = order.CompanyId,
            ProductId = null,
            // Sold by the piece ("ea"), the unit ReferenceDataGenerator numbers at its catalogue position.
            UnitId = SeedIds.For(profile.RandomSeed, SeedStream.UnitId, UnitCatalog.IndexOf("ea")),
            IsProductOverridden = true,
            ProductDescription = description,
            Quantity = quantity,
            PricePerUnit = price,
            BaseAmount = amount,
            ExtendedAmount = amount,
            CurrencyId = order.CurrencyId,
            SequenceNumber = sequence,
            LineItemNumber = sequence,
            // A service goes the way of the order; in a partly processed order it is still to do.
            LineStatus = OrderStatusPlanner.UniformLineStatus(status) ?? OrderStatusPlanner.PartialLineStatuses(status)?.Open ?? OrderLineStatus.None,
            RequestedReceiptDate = order.RequestedReceiptDate,
            ShipToCountry = order.ShipToCountry,
            DeliveryAddressDescription = order.DeliveryAddressDescription,
        };
    }
}
