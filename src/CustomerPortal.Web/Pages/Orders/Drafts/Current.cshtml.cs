using System.Globalization;
using CustomerPortal.Core;
using CustomerPortal.Web.Identity;
using CustomerPortal.Web.Ordering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages.Orders.Drafts;

// "Add to order" from the catalogue and the order pages (issue 13). A plain form post answers with a redirect
// back to the page it came from, at the row, with the result as a status message; cart.js posts the same form
// with Accept: application/json and gets the result and the header's new summary instead, so the page stays.
// Nothing in the form names a draft: the add always goes to the signed-in user's own current draft.
public sealed class CurrentModel(CurrentDraft currentDraft) : PageModel
{
    // Longer than any page of ours with its query string; a longer one is not followed back.
    private const int MaxReturnUrlLength = 2048;

    public const string StatusKey = "CurrentDraft.Status";
    public const string AddedKey = "CurrentDraft.Added";
    public const string DraftKey = "CurrentDraft.Draft";

    public DraftSummary? Summary { get; private set; }

    // The order "Add to order" adds to, in a sentence, with the way on: its items step, or a new order.
    public async Task OnGetAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        Summary = await currentDraft.SummarizeAsync(User.UserId(), scope, PortalSessions.DraftsVersionOf(HttpContext), cancellationToken);
    }

    public string Describe(DraftSummary? summary) => currentDraft.Describe(summary);

    public async Task<IActionResult> OnPostAddAsync(
        string? itemNumber, string? quantity, string? returnUrl, CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var result = await currentDraft.AddAsync(User.UserId(), scope, itemNumber, ParseQuantity(quantity), cancellationToken);
        var draftUrl = result.DraftId is { } id ? Url.Page("/Orders/Drafts/Items", new { id }) : null;
        if (WantsJson())
        {
            var summary = await currentDraft.SummarizeAsync(User.UserId(), scope, PortalSessions.DraftsVersionOf(HttpContext), cancellationToken);
            return new JsonResult(new
            {
                added = result.Added,
                message = result.Message,
                draftUrl,
                summary = new
                {
                    text = currentDraft.Describe(summary),
                    url = summary is null ? Url.Page("/Orders/New") : Url.Page("/Orders/Drafts/Items", new { id = summary.SalesOrderId }),
                },
            })
            {
                // A refusal is a 422, so a script (and the fuzz test) can tell it from an add without reading it.
                StatusCode = result.Added ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity,
            };
        }

        TempData[StatusKey] = result.Message;
        TempData[AddedKey] = result.Added;
        TempData[DraftKey] = draftUrl;
        return returnUrl is { Length: <= MaxReturnUrlLength } && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage("/Products/Index");
    }

    // As quick entry reads a quantity: in the page's culture, else with a decimal point, never with thousands
    // separators ("1,5" is one and a half in French, not fifteen). Bound by hand so a value that is not a
    // number is the add's refusal, in its message, rather than a model-state error.
    private static decimal? ParseQuantity(string? text)
    {
        const NumberStyles style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        return decimal.TryParse(text, style, CultureInfo.CurrentCulture, out var value) || decimal.TryParse(text, style, CultureInfo.InvariantCulture, out value)
            ? value
            : null;
    }

    private bool WantsJson() =>
        Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
