namespace CustomerPortal.Core.Orders;

// salesorderdetail. LineAmount is extendedamount: quantity x unit price less the line discount.
public sealed record SalesOrderLine(
    Guid SalesOrderLineId,
    int LineNumber,
    string ItemNumber,
    string ProductName,
    decimal Quantity,
    string Unit,
    decimal UnitPrice,
    decimal DiscountAmount,
    decimal LineAmount,
    OrderLineStatus Status,
    DateOnly? RequestedReceiptDate);
