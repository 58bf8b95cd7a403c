using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore;

// Portal users by the contact they are linked to. Changes go through Identity's UserManager.
public sealed class PortalUsers(PortalDbContext db)
{
    // Tracked, for UserManager: nothing stops two sign-ins being linked to one contact.
    public async Task<IReadOnlyList<PortalUser>> ListOfContactAsync(Guid contactId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.ContactId == contactId).ToListAsync(cancellationToken);

    // Those of the contacts that have at least one portal user.
    public async Task<IReadOnlyList<Guid>> ListContactsWithAccessAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.ContactId != null && contactIds.Contains(u.ContactId.Value)).Select(u => u.ContactId!.Value).ToListAsync(cancellationToken);
}
