using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore.Invitations;

// Invitations. A found invitation is tracked: the service that resends or revokes it changes it and
// AuditTrail.RecordAsync saves the change with its audit entry.
public sealed class InvitationStore
{
    private readonly PortalDbContext _db;

    internal InvitationStore(PortalDbContext db) => _db = db;

    public async Task<Invitation?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await _db.Invitations.FindAsync([id], cancellationToken);

    public Task<Invitation?> FindByCodeHashAsync(string codeHash, CancellationToken cancellationToken) =>
        _db.Invitations.SingleOrDefaultAsync(i => i.CodeHash == codeHash, cancellationToken);

    public async Task<IReadOnlyList<Invitation>> ListRecentAsync(int count, CancellationToken cancellationToken) =>
        await _db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(count).ToListAsync(cancellationToken);

    // Those of the contacts with an invitation that can still be redeemed at utcNow.
    public async Task<IReadOnlyList<Guid>> ListContactsInvitedAsync(IReadOnlyCollection<Guid> contactIds, DateTime utcNow, CancellationToken cancellationToken) =>
        await OpenAt(utcNow).Where(i => contactIds.Contains(i.ContactId)).Select(i => i.ContactId).ToListAsync(cancellationToken);

    public Task<bool> IsInvitedAsync(Guid contactId, DateTime utcNow, CancellationToken cancellationToken) =>
        OpenAt(utcNow).AnyAsync(i => i.ContactId == contactId, cancellationToken);

    // Stored by the caller's AuditTrail.RecordAsync, together with the audit entry that says who sent it.
    public void Add(Invitation invitation) => _db.Invitations.Add(invitation);

    // Claimed with a conditional update inside one transaction, so two redemptions racing with the same
    // code create one user. createUser makes the user (through Identity's UserManager, which saves into
    // this same store and transaction) and returns its id, or null to undo everything, the claim included.
    // False when the invitation was no longer open.
    public async Task<bool> RedeemAsync(Guid invitationId, DateTime utcNow, Func<Task<string?>> createUser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createUser);
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await OpenAt(utcNow).Where(i => i.Id == invitationId)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RedeemedAt, utcNow), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        if (await createUser() is not { } userId)
        {
            await transaction.RollbackAsync(cancellationToken);
            _db.ChangeTracker.Clear();
            return true;
        }

        await _db.Invitations.Where(i => i.Id == invitationId)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RedeemedByUserId, userId), cancellationToken);
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private IQueryable<Invitation> OpenAt(DateTime utcNow) =>
        _db.Invitations.Where(i => i.RedeemedAt == null && i.RevokedAt == null && i.ExpiresAt > utcNow);
}
