using System.Globalization;
using System.Text;
using CustomerPortal.Core;
using CustomerPortal.Core.Orders;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Ordering;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Orders;

public sealed class IndexModel(ISalesOrderStore salesOrders, TimeProvider time, PortalCalendar calendar, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxExportRows = 10_000;
    private const int ExportBatchSize = 100;

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

        var csv = new StringBuilder();
        OrderCsv.WriteHeader(csv);
        var query = Filter.ToQuery(ExportBatchSize, after: null, calendar.Today);
        var rows = 0;
        do
        {
            var page = await salesOrders.ListAsync(scope, query, cancellationToken);
            foreach (var order in page.Items.Take(MaxExportRows - rows))
            {
                OrderCsv.WriteRow(csv, order);
                rows++;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null && rows < MaxExportRows);

        var fileName = $"orders-{time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
        // UTF-8 with a byte-order mark, so spreadsheet programs read accented names correctly.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);
    }
}
