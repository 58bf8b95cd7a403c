namespace CustomerPortal.Core.Orders;

// How dual-write keeps the Dataverse state in step with the Supply Chain Management processing
// status (sales order status mapping). Dataverse keeps an order Active while SCM is still working on it.
public static class OrderStatusRules
{
    public static (SalesOrderState State, SalesOrderStatusReason Reason) DataverseStatusFor(ProcessingStatus status) => status switch
    {
        ProcessingStatus.Active or ProcessingStatus.Confirmed or ProcessingStatus.Picked
            or ProcessingStatus.PartiallyDelivered or ProcessingStatus.PartiallyInvoiced
            => (SalesOrderState.Active, SalesOrderStatusReason.New),
        ProcessingStatus.Delivered or ProcessingStatus.DeliveredAndPartiallyInvoiced
            => (SalesOrderState.Fulfilled, SalesOrderStatusReason.Complete),
        ProcessingStatus.Invoiced => (SalesOrderState.Invoiced, SalesOrderStatusReason.Invoiced),
        ProcessingStatus.Canceled => (SalesOrderState.Canceled, SalesOrderStatusReason.NoMoney),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown processing status."),
    };

    public static bool IsValidPair(SalesOrderState state, SalesOrderStatusReason reason) => state switch
    {
        SalesOrderState.Active => reason is SalesOrderStatusReason.New or SalesOrderStatusReason.Pending,
        SalesOrderState.Submitted => reason is SalesOrderStatusReason.InProgress,
        SalesOrderState.Canceled => reason is SalesOrderStatusReason.NoMoney,
        SalesOrderState.Fulfilled => reason is SalesOrderStatusReason.Complete or SalesOrderStatusReason.Partial,
        SalesOrderState.Invoiced => reason is SalesOrderStatusReason.Invoiced,
        _ => false,
    };

    // Whether the goods have left the warehouse, as far as a customer cares: drives the confirmed dates and line statuses.
    public static bool IsShipped(ProcessingStatus status) => status is ProcessingStatus.Delivered
        or ProcessingStatus.Invoiced or ProcessingStatus.PartiallyInvoiced or ProcessingStatus.DeliveredAndPartiallyInvoiced;
}
