namespace CustomerPortal.Core.Orders;

// A system read across every customer: the sales order headers changed since a mark, oldest first. Used by
// the status-mail worker only, which decides per portal user who may see each order (the same ownership rule
// as the pages). Never injected into page code: it takes no CustomerScope on purpose.
public interface IOrderChangeFeed
{
    // At most about maxOrders rows (an adapter may stop early, after its request budget; see README), ordered
    // by (ModifiedOn, SalesOrderId). Since null reads from the beginning. An empty answer means nothing new.
    Task<IReadOnlyList<ChangedOrder>> ReadChangesSinceAsync(OrderChangeMark? since, int maxOrders, CancellationToken cancellationToken);
}

// Where the feed was read up to: modifiedon of the last row seen, its id breaking ties between rows
// changed in the same instant.
public sealed record OrderChangeMark(DateTime ModifiedOn, Guid SalesOrderId);

// What the status-mail worker needs of a changed order: who owns it and what a buyer is told about.
public sealed record ChangedOrder(
    Guid SalesOrderId,
    string OrderNumber,
    Guid AccountId,
    Guid CompanyId,
    Guid? ContactPersonId,
    ProcessingStatus Status,
    DateOnly? ConfirmedReceiptDate,
    DateOnly? RequestedReceiptDate,
    DateTime ModifiedOn)
{
    public DateOnly? ExpectedReceiptDate => ConfirmedReceiptDate ?? RequestedReceiptDate;

    public OrderChangeMark Mark => new(ModifiedOn, SalesOrderId);
}
