namespace CustomerPortal.Core.Orders;

// salesorder.statuscode; each value belongs to one statecode (see OrderStatusRules).
public enum SalesOrderStatusReason
{
    New = 1,
    Pending = 2,
    InProgress = 3,
    NoMoney = 4,
    Complete = 100001,
    Partial = 100002,
    Invoiced = 100003,
}
