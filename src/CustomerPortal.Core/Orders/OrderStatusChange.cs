namespace CustomerPortal.Core.Orders;

// What a buyer who asked for status mails is told about one order: its processing status changed, its
// confirmed receipt date changed (set, moved or removed), or it became late. Anything else (a new line,
// a changed address, a new order) is no news for this mail.
public sealed record OrderStatusChange(
    string OrderNumber,
    ProcessingStatus? PreviousStatus,
    ProcessingStatus Status,
    bool ConfirmedDateChanged,
    DateOnly? PreviousConfirmedReceiptDate,
    DateOnly? ConfirmedReceiptDate,
    bool BecameLate,
    DateOnly? ExpectedReceiptDate)
{
    public bool StatusChanged => PreviousStatus is { } previous && previous != Status;

    public bool IsNews => StatusChanged || ConfirmedDateChanged || BecameLate;
}

// The state the worker last saw of an order, to compare the next reading with.
public sealed record OrderLastSeen(ProcessingStatus Status, DateOnly? ConfirmedReceiptDate, bool WasLate);

public static class OrderStatusChanges
{
    // previous null: the worker has never seen the order (a new order, or the first reading after installation):
    // nothing to tell, only to remember. Late uses DeliveryRules.IsLate with the portal's today, so an order
    // that was late and is late again after a new confirmed date is not "late" news twice; one that stops
    // being late and becomes late again is.
    public static OrderStatusChange? Compare(OrderLastSeen? previous, ChangedOrder now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (previous is null)
        {
            return null;
        }

        var isLate = DeliveryRules.IsLate(now.Status, now.ExpectedReceiptDate, today);
        var change = new OrderStatusChange(
            now.OrderNumber,
            previous.Status,
            now.Status,
            previous.ConfirmedReceiptDate != now.ConfirmedReceiptDate,
            previous.ConfirmedReceiptDate,
            now.ConfirmedReceiptDate,
            isLate && !previous.WasLate,
            now.ExpectedReceiptDate);
        return change.IsNews ? change : null;
    }
}
