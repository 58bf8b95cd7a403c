namespace CustomerPortal.Core.Orders;

// salesorder.statecode.
public enum SalesOrderState
{
    Active = 0,
    Submitted = 1,
    Canceled = 2,
    Fulfilled = 3,
    Invoiced = 4,
}
