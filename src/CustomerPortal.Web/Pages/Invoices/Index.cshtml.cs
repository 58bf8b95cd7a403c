using CustomerPortal.Core;
using CustomerPortal.Core.Invoices;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Invoices;

public sealed class IndexModel(IInvoiceStore invoices, IStringLocalizer<SharedResource> localizer) : PageModel
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
}
