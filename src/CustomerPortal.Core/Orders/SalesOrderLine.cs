namespace CustomerPortal.Core.Orders;

// salesorderdetail. LineAmount is extendedamount: quantity x unit price less the line discount.
// QuantityDecimals is the product's quantitydecimal, so "12" and "12.500" show as the seller meant them.
public sealed record SalesOrderLine(
    Guid SalesOrderLineId,
    int LineNumber,
    string ItemNumber,
    string ProductName,
    decimal Quantity,
    string Unit,
    int QuantityDecimals,
    decimal UnitPrice,
    decimal DiscountAmount,
    decimal LineAmount,
    OrderLineStatus Status,
    DateOnly? RequestedReceiptDate);
