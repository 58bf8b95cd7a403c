using CustomerPortal.Core;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.Web.Ordering;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Orders.Drafts;

// The signed-in user's unfinished orders for their customer account.
public sealed class IndexModel(OrderDraftStore drafts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<OrderDraft> Drafts { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        Drafts = await drafts.ListOpenAsync(User.UserId(), scope.AccountId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!await drafts.DiscardAsync(User.UserId(), scope.AccountId, id, cancellationToken))
        {
            return NotFound();
        }

        StatusMessage = localizer["Ordering.Drafts.Discarded"];
        return RedirectToPage();
    }
}
