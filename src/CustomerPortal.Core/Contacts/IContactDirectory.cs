namespace CustomerPortal.Core.Contacts;

// The signed-in contact's own side of the directory: every method takes the scope and stays inside it.
public interface IContactDirectory
{
    // The active contacts of the scope's account and legal entity, by name; an authorized user only gets their own.
    Task<IReadOnlyList<ContactCandidate>> ListColleaguesAsync(CustomerScope scope, CancellationToken cancellationToken);

    // The signed-in contact's own editable fields; nobody edits anyone else's through the portal.
    Task<ContactDetails?> GetOwnDetailsAsync(CustomerScope scope, CancellationToken cancellationToken);

    // False when the scope's contact no longer belongs to its account (nothing is changed then).
    Task<bool> UpdateOwnDetailsAsync(CustomerScope scope, ContactDetails details, CancellationToken cancellationToken);
}
