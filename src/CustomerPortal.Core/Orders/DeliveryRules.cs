namespace CustomerPortal.Core.Orders;

// What "open" and "late" mean to a buyer, once, for the pages, the dashboard, the status mails and both
// data sources' filters (SalesOrderQuery.Progress).
public static class DeliveryRules
{
    // Supply Chain Management is still working on the order: nothing, or not everything, has been delivered.
    public static readonly IReadOnlyList<ProcessingStatus> OpenStatuses =
        [ProcessingStatus.Active, ProcessingStatus.Confirmed, ProcessingStatus.Picked, ProcessingStatus.PartiallyDelivered, ProcessingStatus.PartiallyInvoiced];

    // Everything has left the warehouse.
    public static readonly IReadOnlyList<ProcessingStatus> DeliveredStatuses =
        [ProcessingStatus.Delivered, ProcessingStatus.DeliveredAndPartiallyInvoiced, ProcessingStatus.Invoiced];

    // How far ahead "expected soon" looks, and how far back "recently delivered".
    public const int DueSoonDays = 14;
    public const int RecentlyDeliveredDays = 14;

    public static bool IsOpen(ProcessingStatus status) => OpenStatuses.Contains(status);

    // Late: still open, and the day it should arrive (confirmed, else requested) is before today in the user's time zone.
    public static bool IsLate(ProcessingStatus status, DateOnly? expectedReceiptDate, DateOnly today) =>
        IsOpen(status) && expectedReceiptDate is { } expected && expected < today;
}
