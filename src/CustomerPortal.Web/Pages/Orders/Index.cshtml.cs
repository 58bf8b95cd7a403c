using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CustomerPortal.Core;
using CustomerPortal.Core.Orders;
using CustomerPortal.Web.Identity;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Orders;

public sealed class IndexModel(ISalesOrderStore salesOrders, IStringLocalizer<SharedResource> localizer) : PageModel
{
    // The filter is a GET form, so every property binds from the query string:
    // ?search=&status=&from=&to=&sort=&size=&after=

    [BindProperty(SupportsGet = true)]
    [StringLength(SalesOrderQuery.MaxSearchLength, ErrorMessage = "Validation.SearchTooLong")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProcessingStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public SalesOrderSort Sort { get; set; } = SalesOrderSort.NewestFirst;

    [BindProperty(SupportsGet = true)]
    public int? Size { get; set; }

    // Opaque continuation token from the data source; a stale or tampered one just restarts the list.
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public ResultPage<SalesOrderSummary>? Orders { get; private set; }

    public bool ShowsPlacedBy { get; private set; }

    public int PageSize => Core.PageSize.Normalize(Size);

    public bool HasFilters => Search is not null || Status is not null || From is not null || To is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.GetCustomerScope() is not { } scope)
        {
            return Forbid();
        }

        ShowsPlacedBy = scope.SeesWholeAccount;
        if (From > To)
        {
            ModelState.AddModelError(nameof(To), localizer["Validation.ToBeforeFrom"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var query = new SalesOrderQuery(Search, Status, From, To, Sort, PageSize, After);
        Orders = await salesOrders.ListAsync(scope, query, cancellationToken);
        return Page();
    }

    // The current filter as query-string values, for "First page", "Next page" and the way back from an order.
    public Dictionary<string, string> FilterRoute(string? after = null)
    {
        var route = new Dictionary<string, string>();
        Add("search", Search?.Trim());
        Add("status", Status?.ToString());
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
