using System.Globalization;
using CustomerPortal.Core;
using CustomerPortal.Core.Orders;
using CustomerPortal.Web.Export;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Ordering;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Orders;

public sealed class IndexModel(ISalesOrderStore salesOrders, TimeProvider time, PortalCalendar calendar, IStringLocalizer<SharedResource> localizer) : PageModel
{
    // No "Filter." prefix in the query string: the fields bind from ?search=&status=…
    [BindProperty(SupportsGet = true)]
    public OrderFilter Filter { get; set; } = new();

    public ResultPage<SalesOrderSummary>? Orders { get; private set; }

    public bool ShowsPlacedBy { get; private set; }

    // The user's today: what "late" is measured against, for the badges and the filters alike.
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ShowsPlacedBy = scope.SeesWholeAccount;
        Today = calendar.Today;
        if (Filter.HasDatesReversed)
        {
            ModelState.AddModelError(nameof(OrderFilter.To), localizer["Validation.ToBeforeFrom"]);
        }

        if (ModelState.IsValid)
        {
            Orders = await salesOrders.ListAsync(scope, Filter.ToQuery(Filter.PageSize, Filter.After, Today), cancellationToken);
        }

        return Page();
    }

    // ?handler=Export&…: the same filter as CSV. Paged through the port like the list itself, so it is
    // scoped the same way and stays bounded.
    public async Task<IActionResult> OnGetExportAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || Filter.HasDatesReversed)
        {
            return BadRequest();
        }

        var today = calendar.Today;
        var orders = await ExportRows.ReadAsync(after =>
            salesOrders.ListAsync(scope, Filter.ToQuery(ExportRows.BatchSize, after, today), cancellationToken));
        var csv = new CultureCsv(CultureInfo.CurrentCulture);
        OrderCsv.WriteHeader(csv, localizer);
        foreach (var order in orders)
        {
            OrderCsv.WriteRow(csv, localizer, order);
        }

        var fileName = $"orders-{time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
        return File(csv.ToBytes(), "text/csv; charset=utf-8", fileName);
    }
}
