namespace CustomerPortal.PortalStore.Drafts;

// An order being prepared, kept in the portal's own store (never in the mirror or Dataverse) so a
// user can leave and come back. SalesOrderId is the salesorderid the order will have: fixed when
// the draft is created, so every submit of this draft, however often repeated, names the same order.
public sealed class OrderDraft
{
    public Guid SalesOrderId { get; set; }

    public string UserId { get; set; } = "";

    // The customer account and legal entity the draft was started for; it is only ever offered back to them.
    public Guid AccountId { get; set; }

    public Guid CompanyId { get; set; }

    public DateTime CreatedOn { get; set; }

    public DateTime ModifiedOn { get; set; }

    public DateOnly? RequestedReceiptDate { get; set; }

    public string? ShipToLine1 { get; set; }

    public string? ShipToLine2 { get; set; }

    public string? ShipToCity { get; set; }

    public string? ShipToStateOrProvince { get; set; }

    public string? ShipToPostalCode { get; set; }

    public string? RequisitionNumber { get; set; }

    public string? CustomerReference { get; set; }

    // Set once the order exists; from then on the draft only points at it.
    public string? SubmittedOrderNumber { get; set; }

    public DateTime? SubmittedOn { get; set; }

    public List<OrderDraftLine> Lines { get; set; } = [];
}
