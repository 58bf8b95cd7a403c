namespace CustomerPortal.Core.Orders;

// Only sort keys both data sources can honour server-side with a stable keyset.
public enum SalesOrderSort
{
    NewestFirst = 1,
    OldestFirst = 2,
    NumberAscending = 3,
    NumberDescending = 4,

    // By the requested receipt date (then order number), earliest first or last.
    ReceiptDateAscending = 5,
    ReceiptDateDescending = 6,
}
