using System.Globalization;
using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.Web.Localization;
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

    public IReadOnlyList<DraftLinePrice> Lines { get; private set; } = [];

    public decimal Total { get; private set; }

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

    // The items and review steps show the draft's lines priced again (see DraftLinePrice).
    protected async Task PriceLinesAsync(IOrderEntry ordering, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ordering);
        var products = Draft.Lines.Count == 0
            ? []
            : await ordering.LookUpAsync(Scope, [], [.. Draft.Lines.Select(l => l.ProductId)], cancellationToken);
        Lines = DraftLinePrice.For(Draft.Lines, products);
        Total = DraftLinePrice.Total(Lines);
    }

    // Estimated amounts in the price list's currency; a plain number while the contact has none.
    public string Money(decimal amount) =>
        Defaults.Currency is { } currency ? MoneyFormatter.Format(amount, currency) : amount.ToString("N2", CultureInfo.CurrentCulture);
}
