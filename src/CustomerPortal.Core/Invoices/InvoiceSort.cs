namespace CustomerPortal.Core.Invoices;

// Only sort keys both data sources can honour server-side with a stable keyset (the invoice number breaks ties).
public enum InvoiceSort
{
    NewestFirst = 1,
    OldestFirst = 2,
    NumberAscending = 3,
    NumberDescending = 4,
}
