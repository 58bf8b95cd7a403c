namespace CustomerPortal.Core.Contacts;

public interface IContactDirectory
{
    // Unscoped on purpose: this is the lookup that *builds* a signed-in user's scope from their linked contact.
    Task<PortalContact?> FindAsync(Guid contactId, CancellationToken cancellationToken);

    // The same lookup for many contacts in one or a few round trips (administration lists); unknown or
    // inactive contacts are simply absent from the answer.
    Task<IReadOnlyDictionary<Guid, PortalContact>> FindManyAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken);

    // Administrators only (the pages are behind the Administrator policy): active contacts whose name,
    // e-mail or customer account number contains the text, by name, at most `limit`.
    Task<IReadOnlyList<ContactCandidate>> SearchAsync(string text, int limit, CancellationToken cancellationToken);

    // Administrators only: one contact with what an invitation needs to know, active or not found.
    Task<ContactCandidate?> FindCandidateAsync(Guid contactId, CancellationToken cancellationToken);

    // The active contacts of the scope's account and legal entity, by name; an authorized user only gets their own.
    Task<IReadOnlyList<ContactCandidate>> ListColleaguesAsync(CustomerScope scope, CancellationToken cancellationToken);

    // The signed-in contact's own editable fields; nobody edits anyone else's through the portal.
    Task<ContactDetails?> GetOwnDetailsAsync(CustomerScope scope, CancellationToken cancellationToken);

    // False when the scope's contact no longer belongs to its account (nothing is changed then).
    Task<bool> UpdateOwnDetailsAsync(CustomerScope scope, ContactDetails details, CancellationToken cancellationToken);
}
