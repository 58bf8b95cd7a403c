using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CustomerPortal.Core.Invoices;

namespace CustomerPortal.Web.Pages.Invoices;

// The invoice list's filter, bound from the query string (?search=&from=&to=&sort=&size=&after=) like the
// order list's, so paging and the way back from an invoice keep it.
public sealed record InvoiceFilter
{
    [StringLength(InvoiceQuery.MaxSearchLength, ErrorMessage = "Validation.SearchTooLong")]
    public string? Search { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public InvoiceSort Sort { get; set; } = InvoiceSort.NewestFirst;

    public int? Size { get; set; }

    // Opaque continuation token from the data source; a stale or tampered one just restarts the list.
    public string? After { get; set; }

    public int PageSize => Core.PageSize.Normalize(Size);

    public bool HasFilters => Search is not null || From is not null || To is not null;

    public bool HasDatesReversed => From > To;

    public InvoiceQuery ToQuery() => new(Search, From, To, Sort, PageSize, After);

    // As query-string values, for "First page", "Next page" and the way back from an invoice.
    public Dictionary<string, string> ToRoute(string? after = null)
    {
        var route = new Dictionary<string, string>();
        Add("search", Search?.Trim());
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("sort", Sort == InvoiceSort.NewestFirst ? null : Sort.ToString());
        Add("size", PageSize == Core.PageSize.Default ? null : PageSize.ToString(CultureInfo.InvariantCulture));
        Add("after", after);
        return route;

        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                route[key] = value;
            }
        }
    }
}
