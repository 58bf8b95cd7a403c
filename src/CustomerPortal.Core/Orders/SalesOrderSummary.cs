namespace CustomerPortal.Core.Orders;

// One row of the order list.
public sealed record SalesOrderSummary(
    Guid SalesOrderId,
    string OrderNumber,
    string? RequisitionNumber,
    DateTime OrderedOn,
    DateOnly? RequestedReceiptDate,
    ProcessingStatus Status,
    decimal TotalAmount,
    Currency Currency,
    string? ContactPersonName,
    DateOnly? ConfirmedReceiptDate)
{
    public DateOnly? ExpectedReceiptDate => ConfirmedReceiptDate ?? RequestedReceiptDate;

    public bool IsLateOn(DateOnly today) => DeliveryRules.IsLate(Status, ExpectedReceiptDate, today);
}
