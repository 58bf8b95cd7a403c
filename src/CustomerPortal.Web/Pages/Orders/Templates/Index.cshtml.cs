using CustomerPortal.Core;
using CustomerPortal.PortalStore.Templates;
using CustomerPortal.Web.Ordering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages.Orders.Templates;

// The templates the user may order from: their own and those shared with their account.
public sealed class IndexModel(OrderTemplateStore templates) : PageModel
{
    public IReadOnlyList<OrderTemplateSummary> Templates { get; private set; } = [];

    public string UserId { get; private set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        UserId = User.UserId();
        Templates = await templates.ListVisibleAsync(User.TemplateViewer(scope), cancellationToken);
        return Page();
    }
}
