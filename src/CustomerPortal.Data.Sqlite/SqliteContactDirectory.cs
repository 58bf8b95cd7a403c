using CustomerPortal.Core;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.DualWrite;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Data.Sqlite;

internal sealed class SqliteContactDirectory(MirrorDbContext db) : IContactDirectory, IContactAdministration
{
    public Task<PortalContact?> FindAsync(Guid contactId, CancellationToken cancellationToken) =>
        Active(c => c.ContactId == contactId).Select(Records.PortalContact).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, PortalContact>> FindManyAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken)
    {
        var ids = contactIds.ToList();
        return await Active(c => ids.Contains(c.ContactId)).Select(Records.PortalContact).ToDictionaryAsync(c => c.ContactId, cancellationToken);
    }

    public async Task<IReadOnlyList<ContactCandidate>> SearchAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var pattern = LikePattern.Contains(text.Trim());
        return await ByName(Active(c => EF.Functions.Like(c.FullName, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.Like(c.Email!, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.Like(c.Account!.AccountNumber, pattern, LikePattern.EscapeCharacter)))
            .Select(Records.ContactCandidate)
            .Take(Math.Clamp(limit, 1, 100))
            .ToListAsync(cancellationToken);
    }

    public Task<ContactCandidate?> FindCandidateAsync(Guid contactId, CancellationToken cancellationToken) =>
        Active(c => c.ContactId == contactId).Select(Records.ContactCandidate).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ContactCandidate>> ListColleaguesAsync(CustomerScope scope, CancellationToken cancellationToken) =>
        await Colleagues(db, scope).Select(Records.ContactCandidate).ToListAsync(cancellationToken);

    public Task<ContactDetails?> GetOwnDetailsAsync(CustomerScope scope, CancellationToken cancellationToken) =>
        Own(scope).Select(Records.ContactDetails).SingleOrDefaultAsync(cancellationToken);

    public async Task<bool> UpdateOwnDetailsAsync(CustomerScope scope, ContactDetails details, CancellationToken cancellationToken)
    {
        var phone = string.IsNullOrWhiteSpace(details.Phone) ? null : details.Phone.Trim();
        var jobTitle = string.IsNullOrWhiteSpace(details.JobTitle) ? null : details.JobTitle.Trim();
        var updated = await Own(scope).ExecuteUpdateAsync(
            set => set.SetProperty(c => c.Phone, phone).SetProperty(c => c.JobTitle, jobTitle),
            cancellationToken);
        return updated == 1;
    }

    private IQueryable<ContactRow> Own(CustomerScope scope) => db.Contacts.Where(c =>
        c.ContactId == scope.ContactId && c.AccountId == scope.AccountId && c.CompanyId == scope.CompanyId && c.StateCode == 0);

    private IQueryable<ContactRow> Active(System.Linq.Expressions.Expression<Func<ContactRow, bool>> predicate) =>
        db.Contacts.AsNoTracking().Where(c => c.StateCode == 0).Where(predicate);

    // The contacts a scope sees (the whole account for a representative, only itself otherwise), by
    // name; the team page and the account page list the same people.
    internal static IQueryable<ContactRow> Colleagues(MirrorDbContext db, CustomerScope scope)
    {
        var contacts = db.Contacts.AsNoTracking().Where(c => c.AccountId == scope.AccountId && c.CompanyId == scope.CompanyId && c.StateCode == 0);
        return ByName(scope.SeesWholeAccount ? contacts : contacts.Where(c => c.ContactId == scope.ContactId));
    }

    // Same order as Dataverse: last name, first name, then the id as the tie-breaker.
    private static IQueryable<ContactRow> ByName(IQueryable<ContactRow> contacts) =>
        contacts.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.ContactId);
}
