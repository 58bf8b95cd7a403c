namespace CustomerPortal.Core.Orders;

// Only sort keys both data sources can honour server-side with a stable keyset.
public enum SalesOrderSort
{
    NewestFirst = 1,
    OldestFirst = 2,
    NumberAscending = 3,
    NumberDescending = 4,
}
