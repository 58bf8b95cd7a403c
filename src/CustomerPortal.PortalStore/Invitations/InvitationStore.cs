using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore.Invitations;

// Invitations as the pages read them. A found invitation is tracked, so the service that resends or
// revokes it saves its changes in the same unit of work.
public sealed class InvitationStore(PortalDbContext db)
{
    public async Task<Invitation?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Invitations.FindAsync([id], cancellationToken);

    public async Task<IReadOnlyList<Invitation>> ListRecentAsync(int count, CancellationToken cancellationToken) =>
        await db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(count).ToListAsync(cancellationToken);

    // Those of the contacts with an invitation that can still be redeemed at utcNow.
    public async Task<IReadOnlyList<Guid>> ListContactsInvitedAsync(IReadOnlyCollection<Guid> contactIds, DateTime utcNow, CancellationToken cancellationToken) =>
        await db.Invitations
            .Where(i => contactIds.Contains(i.ContactId) && i.RedeemedAt == null && i.RevokedAt == null && i.ExpiresAt > utcNow)
            .Select(i => i.ContactId)
            .ToListAsync(cancellationToken);
}
