using CustomerPortal.Core.Orders;

namespace CustomerPortal.PortalStore.StatusMails;

// What the status-mail worker last saw of one sales order: the next reading is compared with it, and orders
// that become late without a row change (the date passes) are found here, with their owner, without asking
// the data source. One row per order the feed has returned.
public sealed class OrderWatch
{
    public Guid SalesOrderId { get; set; }

    public string OrderNumber { get; set; } = "";

    public Guid AccountId { get; set; }

    public Guid CompanyId { get; set; }

    public Guid? ContactPersonId { get; set; }

    public ProcessingStatus Status { get; set; }

    public DateOnly? ConfirmedReceiptDate { get; set; }

    public DateOnly? RequestedReceiptDate { get; set; }

    // Already told (or, at the first reading, already late): a later "became late" needs it to clear first.
    public bool WasLate { get; set; }

    public DateTime ModifiedOn { get; set; }

    public DateOnly? ExpectedReceiptDate => ConfirmedReceiptDate ?? RequestedReceiptDate;

    public OrderLastSeen LastSeen => new(Status, ConfirmedReceiptDate, WasLate);

    public ChangedOrder AsOrder => new(SalesOrderId, OrderNumber, AccountId, CompanyId, ContactPersonId, Status,
        ConfirmedReceiptDate, RequestedReceiptDate, ModifiedOn);
}
