using CustomerPortal.PortalStore.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages.Admin.Audit;

// The administrative actions, newest first: who did what to whom, and when.
public sealed class IndexModel(AuditTrail audit) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await audit.ListLatestAsync(Shown, cancellationToken);
}
