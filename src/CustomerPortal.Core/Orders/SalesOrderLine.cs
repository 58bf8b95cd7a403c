namespace CustomerPortal.Core.Orders;

// salesorderdetail. LineAmount is extendedamount: quantity x unit price less the line discount.
// QuantityDecimals is the product's quantitydecimal, so "12" and "12.500" show as the seller meant them.
// A write-in line (isproductoverridden) sells something that is not in the catalogue: it has no item
// number or product, only the seller's WriteInDescription (productdescription), and still a unit and an amount.
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
    DateOnly? RequestedReceiptDate,
    bool IsWriteIn,
    string? WriteInDescription,
    DateOnly? ConfirmedReceiptDate,
    DateOnly? ConfirmedShippingDate,
    decimal QuantityDelivered,
    decimal QuantityBackordered,
    decimal QuantityCancelled)
{
    // Still to come: ordered, less what was delivered or cancelled (never below zero).
    public decimal QuantityRemaining => Math.Max(0, Quantity - QuantityDelivered - QuantityCancelled);

    // The day the customer can expect the line: confirmed by the seller, else as requested.
    public DateOnly? ExpectedReceiptDate => ConfirmedReceiptDate ?? RequestedReceiptDate;
}
