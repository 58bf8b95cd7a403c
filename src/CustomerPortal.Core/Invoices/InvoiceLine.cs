namespace CustomerPortal.Core.Invoices;

// invoicedetail. LineAmount is extendedamount: quantity x unit price less the line discount, before Tax.
// A write-in line has no item number; Description names what was sold.
public sealed record InvoiceLine(
    Guid InvoiceLineId,
    int LineNumber,
    string ItemNumber,
    string ProductName,
    string? Description,
    decimal Quantity,
    string Unit,
    int QuantityDecimals,
    decimal UnitPrice,
    decimal DiscountAmount,
    decimal Tax,
    decimal LineAmount);
