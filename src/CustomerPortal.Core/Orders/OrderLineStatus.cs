namespace CustomerPortal.Core.Orders;

// salesorderdetail.msdyn_linestatus.
public enum OrderLineStatus
{
    None = 192350000,
    Backorder = 192350001,
    Delivered = 192350002,
    Invoiced = 192350003,
    Canceled = 192350004,
}
