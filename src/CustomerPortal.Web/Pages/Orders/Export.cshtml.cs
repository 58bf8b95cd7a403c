using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using CustomerPortal.Core.Orders;
using CustomerPortal.Web.Identity;
using CustomerPortal.Web.Ordering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages.Orders;

// /Orders/Export?search=&status=&from=&to=&sort=: the order list with the same filters, as CSV.
// Paged through the port like the list itself, so it is scoped the same way and stays bounded.
public sealed class ExportModel(ISalesOrderStore salesOrders, TimeProvider time) : PageModel
{
    public const int MaxRows = 10_000;
    private const int BatchSize = 100;

    [BindProperty(SupportsGet = true)]
    [StringLength(SalesOrderQuery.MaxSearchLength)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProcessingStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public SalesOrderSort Sort { get; set; } = SalesOrderSort.NewestFirst;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.GetCustomerScope() is not { } scope)
        {
            return Forbid();
        }

        if (!ModelState.IsValid || From > To)
        {
            return BadRequest();
        }

        var csv = new StringBuilder();
        OrderCsv.WriteHeader(csv);
        var query = new SalesOrderQuery(Search, Status, From, To, Sort, BatchSize);
        var rows = 0;
        do
        {
            var page = await salesOrders.ListAsync(scope, query, cancellationToken);
            foreach (var order in page.Items.Take(MaxRows - rows))
            {
                OrderCsv.WriteRow(csv, order);
                rows++;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null && rows < MaxRows);

        var fileName = $"orders-{time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
        // UTF-8 with a byte-order mark, so spreadsheet programs read accented names correctly.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);
    }
}
