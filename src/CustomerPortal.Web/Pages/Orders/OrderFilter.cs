using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CustomerPortal.Core.Orders;

namespace CustomerPortal.Web.Pages.Orders;

// The order list's filter, bound from the query string (?search=&status=&progress=&from=&to=&sort=&size=&after=)
// by the list and by its CSV export, so both always show the same orders. The dashboard's "see all" links
// land here with progress=Late, DueSoon… and keep it through paging and the way back from an order.
public sealed record OrderFilter
{
    [StringLength(SalesOrderQuery.MaxSearchLength, ErrorMessage = "Validation.SearchTooLong")]
    public string? Search { get; set; }

    public ProcessingStatus? Status { get; set; }

    // Late only, open only, due soon, recently delivered: judged against the user's today (PortalCalendar).
    public OrderProgress Progress { get; set; } = OrderProgress.Any;

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public SalesOrderSort Sort { get; set; } = SalesOrderSort.NewestFirst;

    public int? Size { get; set; }

    // Opaque continuation token from the data source; a stale or tampered one just restarts the list.
    public string? After { get; set; }

    public int PageSize => Core.PageSize.Normalize(Size);

    public bool HasFilters => Search is not null || Status is not null || Progress != OrderProgress.Any || From is not null || To is not null;

    public bool HasDatesReversed => From > To;

    public SalesOrderQuery ToQuery(int pageSize, string? after, DateOnly today) =>
        new(Search, Status, From, To, Sort, pageSize, after, Progress, today);

    // As query-string values, for "First page", "Next page", the export and the way back from an order.
    public Dictionary<string, string> ToRoute(string? after = null)
    {
        var route = new Dictionary<string, string>();
        Add("search", Search?.Trim());
        Add("status", Status?.ToString());
        Add("progress", Progress == OrderProgress.Any ? null : Progress.ToString());
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("sort", Sort == SalesOrderSort.NewestFirst ? null : Sort.ToString());
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
