namespace CustomerPortal.Core.Invoices;

// What the invoice list can be asked for. Search matches the invoice number or the order number; dates
// are invoice dates (calendar days), inclusive.
public sealed record InvoiceQuery(
    string? Search = null,
    DateOnly? InvoicedFrom = null,
    DateOnly? InvoicedTo = null,
    InvoiceSort Sort = InvoiceSort.NewestFirst,
    int PageSize = Core.PageSize.Default,
    string? ContinuationToken = null)
{
    public const int MaxSearchLength = 50;

    // Trimmed search text, or null when there is nothing to search for.
    public string? SearchText => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
}
