namespace CustomerPortal.Core.Contacts;

// Contacts across every customer account, unscoped by design: the lookup that builds a signed-in user's
// scope, and the searches administrators use to invite people. Customer-facing pages use IContactDirectory.
public interface IContactAdministration
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
}
