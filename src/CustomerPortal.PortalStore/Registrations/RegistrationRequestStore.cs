using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore.Registrations;

// Access requests as the review page reads them.
public sealed class RegistrationRequestStore(PortalDbContext db)
{
    // Tracked: the service that approves or rejects it saves the decision.
    public Task<RegistrationRequest?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.RegistrationRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    // As stored, for display, whatever a failed decision left in memory.
    public Task<RegistrationRequest?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        db.RegistrationRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<RegistrationRequest>> ListPendingAsync(int count, CancellationToken cancellationToken) =>
        await db.RegistrationRequests.AsNoTracking().Where(r => r.State == RegistrationState.Pending)
            .OrderBy(r => r.CreatedAt).Take(count).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RegistrationRequest>> ListDecidedAsync(int count, CancellationToken cancellationToken) =>
        await db.RegistrationRequests.AsNoTracking().Where(r => r.State != RegistrationState.Pending)
            .OrderByDescending(r => r.DecidedAt).Take(count).ToListAsync(cancellationToken);
}
