using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.PortalStore.Drafts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Ordering;

// The order flow's steps open a draft alike: only the signed-in user's own draft for their account (any
// other id answers 404, so drafts cannot be probed), the order itself once the draft was submitted, and
// the contact's ordering defaults beside it.
public abstract class OrderDraftPageModel : PageModel
{
    public OrderDraft Draft { get; private set; } = default!;

    public OrderingDefaults Defaults { get; protected set; } = default!;

    protected CustomerScope Scope { get; private set; } = default!;

    // Null when the draft is loaded; otherwise the answer to give instead.
    protected async Task<IActionResult?> LoadDraftAsync(
        OrderDraftStore drafts, IOrderEntry ordering, CustomerScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(ordering);
        ArgumentNullException.ThrowIfNull(scope);
        var draft = await drafts.FindAsync(User.UserId(), scope.AccountId, id, cancellationToken);
        if (draft is null)
        {
            return NotFound();
        }

        if (draft.SubmittedOrderNumber is { } number)
        {
            return RedirectToPage("/Orders/Details", new { number });
        }

        (Scope, Draft) = (scope, draft);
        Defaults = await ordering.GetDefaultsAsync(scope, cancellationToken);
        return null;
    }
}
