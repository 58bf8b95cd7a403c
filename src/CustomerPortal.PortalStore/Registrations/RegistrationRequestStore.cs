using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore.Registrations;

// Access requests. A found request is tracked: the service that approves or rejects it changes it and
// AuditTrail.RecordAsync saves the decision with its audit entry.
public sealed class RegistrationRequestStore
{
    private readonly PortalDbContext _db;

    internal RegistrationRequestStore(PortalDbContext db) => _db = db;

    public Task<RegistrationRequest?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        _db.RegistrationRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    // As stored, for display, whatever a failed decision left in memory.
    public Task<RegistrationRequest?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        _db.RegistrationRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<RegistrationRequest>> ListPendingAsync(int count, CancellationToken cancellationToken) =>
        await _db.RegistrationRequests.AsNoTracking().Where(r => r.State == RegistrationState.Pending)
            .OrderBy(r => r.CreatedAt).Take(count).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RegistrationRequest>> ListDecidedAsync(int count, CancellationToken cancellationToken) =>
        await _db.RegistrationRequests.AsNoTracking().Where(r => r.State != RegistrationState.Pending)
            .OrderByDescending(r => r.DecidedAt).Take(count).ToListAsync(cancellationToken);

    // Stores a new pending request, unless one from the same address is already pending.
    public async Task AddUnlessPendingAsync(RegistrationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await _db.RegistrationRequests.AnyAsync(r => r.Email == request.Email && r.State == RegistrationState.Pending, cancellationToken))
        {
            _db.RegistrationRequests.Add(request);
            await _db.SaveChangesAsync(cancellationToken);
        }
    }
}
