using CustomerPortal.Core.Orders;

namespace CustomerPortal.Seed.Generation;

// Where Supply Chain Management has got with an order, given how old the order is on the reference date:
// yesterday's orders are still open, last week's are being shipped, last year's are invoiced.
internal static class OrderStatusPlanner
{
    public static ProcessingStatus For(TimeSpan age, double draw)
    {
        if (age < TimeSpan.FromDays(2))
        {
            return draw < 0.60 ? ProcessingStatus.Active : ProcessingStatus.Confirmed;
        }

        if (age < TimeSpan.FromDays(7))
        {
            return draw switch
            {
                < 0.25 => ProcessingStatus.Confirmed,
                < 0.45 => ProcessingStatus.Picked,
                < 0.65 => ProcessingStatus.PartiallyDelivered,
                _ => ProcessingStatus.Delivered,
            };
        }

        if (age < TimeSpan.FromDays(30))
        {
            return draw switch
            {
                < 0.35 => ProcessingStatus.Delivered,
                < 0.45 => ProcessingStatus.PartiallyInvoiced,
                < 0.55 => ProcessingStatus.DeliveredAndPartiallyInvoiced,
                < 0.95 => ProcessingStatus.Invoiced,
                _ => ProcessingStatus.Canceled,
            };
        }

        return draw switch
        {
            < 0.93 => ProcessingStatus.Invoiced,
            < 0.97 => ProcessingStatus.Canceled,
            _ => ProcessingStatus.Delivered,
        };
    }

    // How long after the order date the last change came back from Supply Chain Management.
    public static TimeSpan LastChangeAfterOrder(ProcessingStatus status, Random random) => status switch
    {
        ProcessingStatus.Active => TimeSpan.FromMinutes(random.Next(1, 240)),
        ProcessingStatus.Confirmed => TimeSpan.FromMinutes(random.Next(60, 48 * 60)),
        ProcessingStatus.Picked or ProcessingStatus.PartiallyDelivered => TimeSpan.FromHours(random.Next(24, 5 * 24)),
        ProcessingStatus.Delivered or ProcessingStatus.DeliveredAndPartiallyInvoiced => TimeSpan.FromHours(random.Next(2 * 24, 15 * 24)),
        ProcessingStatus.Canceled => TimeSpan.FromHours(random.Next(1, 10 * 24)),
        _ => TimeSpan.FromHours(random.Next(5 * 24, 35 * 24)),
    };

    // The line status an order line has when the whole order is in this status, and for orders only
    // partly through, the status of the lines that are not yet as far as the others.
    public static (OrderLineStatus Done, OrderLineStatus Open)? PartialLineStatuses(ProcessingStatus status) => status switch
    {
        ProcessingStatus.PartiallyDelivered => (OrderLineStatus.Delivered, OrderLineStatus.None),
        ProcessingStatus.PartiallyInvoiced => (OrderLineStatus.Invoiced, OrderLineStatus.None),
        ProcessingStatus.DeliveredAndPartiallyInvoiced => (OrderLineStatus.Invoiced, OrderLineStatus.Delivered),
        _ => null,
    };

    public static OrderLineStatus? UniformLineStatus(ProcessingStatus status) => status switch
    {
        ProcessingStatus.Invoiced => OrderLineStatus.Invoiced,
        ProcessingStatus.Delivered => OrderLineStatus.Delivered,
        ProcessingStatus.Canceled => OrderLineStatus.Canceled,
        _ => null,
    };
}
