namespace CustomerPortal.Core.Contacts;

public interface IContactDirectory
{
    // Unscoped on purpose: this is the lookup that *builds* a signed-in user's scope from their linked contact.
    Task<PortalContact?> FindAsync(Guid contactId, CancellationToken cancellationToken);
}
