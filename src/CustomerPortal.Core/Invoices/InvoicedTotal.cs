namespace CustomerPortal.Core.Invoices;

// What the scope was invoiced in one calendar year (invoice date), in one currency: the account page.
public sealed record InvoicedTotal(int Year, Currency Currency, decimal Total, int InvoiceCount);
