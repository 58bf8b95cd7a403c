namespace CustomerPortal.PortalStore.Drafts;

// SalesOrderLineId becomes salesorderdetailid. Item number and name are kept for the drafts list;
// prices are never stored here, they are looked up again whenever the draft is shown or submitted.
public sealed class OrderDraftLine
{
    public Guid SalesOrderLineId { get; set; }

    public Guid SalesOrderId { get; set; }

    public int Position { get; set; }

    public Guid ProductId { get; set; }

    public string ItemNumber { get; set; } = "";

    public string ProductName { get; set; } = "";

    public decimal Quantity { get; set; }
}
