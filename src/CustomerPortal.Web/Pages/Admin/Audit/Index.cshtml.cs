using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Web.Pages.Admin.Audit;

// The administrative actions, newest first: who did what to whom, and when.
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Id).Take(Shown).ToListAsync(cancellationToken);
}
