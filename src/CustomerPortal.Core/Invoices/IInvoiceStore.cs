namespace CustomerPortal.Core.Invoices;

// Invoices synced from Supply Chain Management, scoped like orders: a representative sees the account's
// invoices in its legal entity, an authorized user those of orders where they are the contact person.
public interface IInvoiceStore
{
    // Invoices visible to the scope, newest first unless asked otherwise.
    Task<ResultPage<InvoiceSummary>> ListAsync(CustomerScope scope, InvoiceQuery query, CancellationToken cancellationToken);

    // Null when the number is unknown *or* belongs to someone the scope may not see: callers answer 404 either way.
    Task<Invoice?> FindAsync(CustomerScope scope, string invoiceNumber, CancellationToken cancellationToken);

    // Invoiced totals per calendar year and currency from fromYear on, oldest year first: the account page.
    Task<IReadOnlyList<InvoicedTotal>> InvoicedTotalsAsync(CustomerScope scope, int fromYear, CancellationToken cancellationToken);
}
