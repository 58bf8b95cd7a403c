namespace CustomerPortal.Core.Invoices;

// One row of the invoice list, and of the order page's and account page's invoice links.
public sealed record InvoiceSummary(
    Guid InvoiceId,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    Guid SalesOrderId,
    string OrderNumber,
    string? CustomerReference,
    decimal TotalAmount,
    Currency Currency);
