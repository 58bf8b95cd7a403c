using System.Globalization;
using CustomerPortal.Core;
using CustomerPortal.Core.Invoices;
using CustomerPortal.Web.Export;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Invoices;

public sealed class IndexModel(IInvoiceStore invoices, IStringLocalizer<SharedResource> localizer, TimeProvider time) : PageModel
{
    // No "Filter." prefix in the query string: the fields bind from ?search=&from=…
    [BindProperty(SupportsGet = true)]
    public InvoiceFilter Filter { get; set; } = new();

    public ResultPage<InvoiceSummary>? Invoices { get; private set; }

    public async Task<IActionResult> OnGetAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (Filter.HasDatesReversed)
        {
            ModelState.AddModelError(nameof(InvoiceFilter.To), localizer["Validation.ToBeforeFrom"]);
        }

        if (ModelState.IsValid)
        {
            Invoices = await invoices.ListAsync(scope, Filter.ToQuery(), cancellationToken);
        }

        return Page();
    }

    // ?handler=Export&…: the filtered list as CSV in the user's culture, read through the port like the list.
    public async Task<IActionResult> OnGetExportAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || Filter.HasDatesReversed)
        {
            return BadRequest();
        }

        var query = Filter.ToQuery() with { PageSize = ExportRows.BatchSize };
        var rows = await ExportRows.ReadAsync(after =>
            invoices.ListAsync(scope, query with { ContinuationToken = after }, cancellationToken));
        var csv = new CultureCsv(CultureInfo.CurrentCulture);
        csv.Row([localizer["Invoice.Number"], localizer["Invoice.Date"], localizer["Invoice.Order"], localizer["Order.CustomerReference"], localizer["Invoice.Total"], localizer["Invoice.Currency"]]);
        foreach (var invoice in rows)
        {
            csv.Text(invoice.InvoiceNumber)
                .Date(invoice.InvoiceDate)
                .Text(invoice.OrderNumber)
                .Text(invoice.CustomerReference)
                .Number(invoice.TotalAmount, MoneyFormatter.DecimalsOf(invoice.Currency))
                .Text(invoice.Currency.IsoCode)
                .EndRow();
        }

        var fileName = $"invoices-{time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
        return File(csv.ToBytes(), "text/csv; charset=utf-8", fileName);
    }
}
