using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore.Audit;

// The audit log as the administrators' page reads it; entries are written by the action's own unit of work.
public sealed class AuditTrail(PortalDbContext db)
{
    public async Task<IReadOnlyList<AuditEntry>> ListLatestAsync(int count, CancellationToken cancellationToken) =>
        await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(cancellationToken);
}
