using System.Globalization;
using CustomerPortal.Core;
using CustomerPortal.Core.Invoices;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Invoices;

public sealed class DetailsModel(IInvoiceStore invoices, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const string ListPath = "/Invoices";

    public Invoice Invoice { get; private set; } = default!;

    // Where "Back to invoices" goes: the filtered list the user came from, if it is one of ours.
    public string BackUrl { get; private set; } = ListPath;

    public async Task<IActionResult> OnGetAsync(string number, string? returnUrl, CustomerScope scope, CancellationToken cancellationToken)
    {
        if (await FindAsync(number, scope, cancellationToken) is not { } invoice)
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

    // ?handler=Pdf: the same invoice, in the same scope, as a PDF in the user's language, to keep or forward.
    public async Task<IActionResult> OnGetPdfAsync(string number, CustomerScope scope, CancellationToken cancellationToken)
    {
        if (await FindAsync(number, scope, cancellationToken) is not { } invoice)
        {
            return NotFound();
        }

        // Customer data: never kept by a browser or a proxy.
        Response.Headers.CacheControl = "no-store";
        return File(InvoicePdf.Render(invoice, localizer, CultureInfo.CurrentCulture), "application/pdf", invoice.InvoiceNumber + ".pdf");
    }

    // Another account's invoice answers exactly like an unknown one, so invoice numbers cannot be probed.
    private async Task<Invoice?> FindAsync(string number, CustomerScope scope, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(number) || number.Length > InvoiceQuery.MaxSearchLength
            ? null
            : await invoices.FindAsync(scope, number, cancellationToken);
}
