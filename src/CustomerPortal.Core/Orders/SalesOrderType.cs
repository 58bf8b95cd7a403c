namespace CustomerPortal.Core.Orders;

// salesorder.msdyn_ordertype. Dual-write only syncs item-based orders to Supply Chain Management.
public enum SalesOrderType
{
    ItemBased = 192350000,
}
