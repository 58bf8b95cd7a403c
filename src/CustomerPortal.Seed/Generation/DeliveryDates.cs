using CustomerPortal.Core.Orders;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// The delivery side of an order as Supply Chain Management reports it back through dual-write: the
// confirmed dates, what each line delivered, has on backorder or cancelled, tax and freight (charges).
// Every value is drawn from the order's own DeliveryDraws stream, after the columns that existed
// before, so those keep their values.
internal static class DeliveryDates
{
    private const double PartialShipmentShare = 0.35;
    private const double BackorderAfterPartialShare = 0.5;
    private const double CancelledQuantityShare = 0.03;
    private const double LateShare = 0.03;
    // Truck deliveries of orders worth this many dollars travel free.
    private const decimal FreeTruckFreightFrom = 10_000m;

    // Sales tax (US, CA simplified to one rate) and VAT of each legal entity's country.
    private static readonly Dictionary<string, decimal> TaxRates = new(StringComparer.Ordinal)
    {
        ["USMF"] = 0.07m, ["DEMF"] = 0.19m, ["GBSI"] = 0.20m, ["FRRT"] = 0.20m, ["CAMF"] = 0.13m, ["JPMF"] = 0.10m, ["CHMF"] = 0.081m,
    };

    // The header's confirmed receipt date for the final status. Open orders are confirmed for today or
    // later, except a few percent (and the personas' late orders) that were confirmed for a day that has
    // passed; delivered ones arrived by the reference date; the personas' recently delivered ones within
    // the last RecentlyDeliveredDays.
    public static DateOnly? ConfirmedReceipt(ProcessingStatus status, DateOnly planned, DateOnly orderDate, DateOnly referenceDate,
        PersonaOrderKind? persona, Random delivery)
    {
        if (status is ProcessingStatus.Active or ProcessingStatus.Canceled)
        {
            return null;
        }

        var daysOld = referenceDate.DayNumber - orderDate.DayNumber;
        if (DeliveryRules.IsOpen(status))
        {
            var draw = delivery.NextDouble();
            var late = daysOld >= 2 && (persona == PersonaOrderKind.Late || (persona is null && draw < LateShare));
            if (late)
            {
                return referenceDate.AddDays(-delivery.Next(1, Math.Min(8, daysOld)));
            }

            return planned >= referenceDate ? planned : referenceDate.AddDays(delivery.Next(0, DeliveryRules.DueSoonDays + 1));
        }

        var arrived = planned > referenceDate ? referenceDate : planned;
        if (persona == PersonaOrderKind.RecentlyDelivered && daysOld >= 1)
        {
            var earliest = orderDate.AddDays(1);
            var windowStart = referenceDate.AddDays(-(DeliveryRules.RecentlyDeliveredDays - 1));
            var from = earliest > windowStart ? earliest : windowStart;
            return from.AddDays(delivery.Next(0, referenceDate.DayNumber - from.DayNumber + 1));
        }

        return arrived;
    }

    // Line dates and quantities, line tax, and the header's tax, freight and totals:
    // totalamount = totallineitemamount - discountamount + freightamount + totaltax, where totaltax is the
    // lines' tax plus the tax on the freight, and totalamountlessfreight = totallineitemamount - discountamount.
    public static void FillLines(SalesOrderRow order, ProcessingStatus status, SeedCompany company, CurrencyRow currency, Random delivery)
    {
        var rate = TaxRates.GetValueOrDefault(company.Template.Code, 0.1m);
        var precision = currency.Precision;
        var partlyShipped = status is ProcessingStatus.PartiallyDelivered or ProcessingStatus.PartiallyInvoiced or ProcessingStatus.DeliveredAndPartiallyInvoiced;
        foreach (var line in order.Lines)
        {
            line.ConfirmedReceiptDate = order.ConfirmedReceiptDate;
            line.ConfirmedShippingDate = order.ConfirmedShippingDate;
            line.Tax = Math.Round(line.ExtendedAmount * rate, precision, MidpointRounding.AwayFromZero);
            var quantity = line.Quantity;
            switch (line.LineStatus)
            {
                case OrderLineStatus.Delivered or OrderLineStatus.Invoiced:
                    line.QuantityShipped = quantity;
                    break;
                case OrderLineStatus.Canceled:
                    line.QuantityCancelled = quantity;
                    break;
                default:
                    var shipped = partlyShipped && quantity >= 2 && delivery.NextDouble() < PartialShipmentShare
                        ? Math.Max(1m, Math.Floor(quantity * (decimal)(0.2 + 0.6 * delivery.NextDouble())))
                        : 0m;
                    line.QuantityShipped = shipped > 0 && shipped < quantity ? shipped : 0m;
                    if (line.QuantityShipped > 0 && delivery.NextDouble() < BackorderAfterPartialShare)
                    {
                        line.LineStatus = OrderLineStatus.Backorder;
                    }

                    var remaining = quantity - line.QuantityShipped;
                    if (status != ProcessingStatus.Active && remaining >= 2 && delivery.NextDouble() < CancelledQuantityShare)
                    {
                        line.QuantityCancelled = Math.Max(1m, Math.Floor(remaining / 4));
                        remaining -= line.QuantityCancelled;
                    }

                    line.QuantityBackordered = line.LineStatus == OrderLineStatus.Backorder ? remaining : 0m;
                    break;
            }
        }

        order.LineTotal = order.Lines.Sum(line => line.ExtendedAmount);
        order.DiscountAmount = 0m;
        var mode = company.DeliveryModes.Select((row, i) => (row, i)).FirstOrDefault(m => m.row.ShipViaId == order.DeliveryModeId);
        var (code, _, _, dollarFreight) = DeliveryModeCatalog.All[mode.row is null ? 0 : mode.i];
        var dollarValue = currency.ExchangeRate == 0 ? order.LineTotal : order.LineTotal / currency.ExchangeRate;
        var freeFreight = status == ProcessingStatus.Canceled || (code == "TRUCK" && dollarValue >= FreeTruckFreightFrom);
        var freightDraw = delivery.NextDouble();
        order.FreightAmount = freeFreight ? 0m
            : Math.Round(dollarFreight * currency.ExchangeRate * (decimal)(0.8 + 0.4 * freightDraw), precision, MidpointRounding.AwayFromZero);
        var freightTax = Math.Round(order.FreightAmount * rate, precision, MidpointRounding.AwayFromZero);
        order.TaxAmount = order.Lines.Sum(line => line.Tax) + freightTax;
        order.TotalAmountLessFreight = order.LineTotal - order.DiscountAmount;
        order.TotalAmount = order.LineTotal - order.DiscountAmount + order.FreightAmount + order.TaxAmount;
    }
}
