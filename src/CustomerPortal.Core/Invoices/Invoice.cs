namespace CustomerPortal.Core.Invoices;

// invoice with its lines: the invoice page (and later its PDF). The totals are Supply Chain Management's,
// as synced: TotalAmount = line amounts + freight + tax; DiscountAmount is already inside the line amounts.
// There is no due date or open amount: the dual-write maps carry none.
public sealed record Invoice(
    Guid InvoiceId,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    Guid SalesOrderId,
    string OrderNumber,
    string? CustomerReference,
    string CustomerAccountNumber,
    string CustomerName,
    LegalEntity LegalEntity,
    string? BillToName,
    PostalAddress BillTo,
    string? PaymentTerms,
    Currency Currency,
    decimal DiscountAmount,
    decimal FreightAmount,
    decimal TaxAmount,
    decimal TotalAmount,
    IReadOnlyList<InvoiceLine> Lines)
{
    // The sum of the line amounts (extendedamount, after line discounts, before tax).
    public decimal LineTotal => Lines.Sum(l => l.LineAmount);
}
