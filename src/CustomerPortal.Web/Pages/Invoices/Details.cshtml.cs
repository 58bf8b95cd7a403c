using CustomerPortal.Core;
using CustomerPortal.Core.Invoices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages.Invoices;

public sealed class DetailsModel(IInvoiceStore invoices) : PageModel
{
    private const string ListPath = "/Invoices";

    public Invoice Invoice { get; private set; } = default!;

    // Where "Back to invoices" goes: the filtered list the user came from, if it is one of ours.
    public string BackUrl { get; private set; } = ListPath;

    public async Task<IActionResult> OnGetAsync(string number, string? returnUrl, CustomerScope scope, CancellationToken cancellationToken)
    {
        // Another account's invoice answers exactly like an unknown one, so invoice numbers cannot be probed.
        if (string.IsNullOrWhiteSpace(number) || number.Length > InvoiceQuery.MaxSearchLength
            || await invoices.FindAsync(scope, number, cancellationToken) is not { } invoice)
        {
            return NotFound();
        }

        Invoice = invoice;
        if (Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(ListPath + "?", StringComparison.OrdinalIgnoreCase))
        {
            BackUrl = returnUrl;
        }

        return Page();
    }
}
