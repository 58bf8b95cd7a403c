using CustomerPortal.Core;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.DualWrite;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Data.Sqlite;

internal sealed class SqliteContactDirectory(MirrorDbContext db) : IContactDirectory, IContactAdministration
{
    public Task<PortalContact?> FindAsync(Guid contactId, CancellationToken cancellationToken) =>
        PortalContacts(db.Contacts.Where(c => c.ContactId == contactId && c.StateCode == 0)).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, PortalContact>> FindManyAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken)
    {
        var ids = contactIds.ToList();
        return await PortalContacts(db.Contacts.Where(c => ids.Contains(c.ContactId) && c.StateCode == 0))
            .ToDictionaryAsync(c => c.ContactId, cancellationToken);
    }

    public async Task<IReadOnlyList<ContactCandidate>> SearchAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var pattern = LikePattern.Contains(text.Trim());
        return await Candidates(db.Contacts.Where(c => c.StateCode == 0
                && (EF.Functions.Like(c.FullName, pattern, LikePattern.EscapeCharacter)
                    || EF.Functions.Like(c.Email!, pattern, LikePattern.EscapeCharacter)
                    || EF.Functions.Like(c.Account!.AccountNumber, pattern, LikePattern.EscapeCharacter))))
            .Take(Math.Clamp(limit, 1, 100))
            .ToListAsync(cancellationToken);
    }

    public Task<ContactCandidate?> FindCandidateAsync(Guid contactId, CancellationToken cancellationToken) =>
        Candidates(db.Contacts.Where(c => c.ContactId == contactId && c.StateCode == 0)).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ContactCandidate>> ListColleaguesAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        var contacts = db.Contacts.Where(c => c.AccountId == scope.AccountId && c.CompanyId == scope.CompanyId && c.StateCode == 0);
        if (!scope.SeesWholeAccount)
        {
            contacts = contacts.Where(c => c.ContactId == scope.ContactId);
        }

        return await Candidates(contacts).ToListAsync(cancellationToken);
    }

    public Task<ContactDetails?> GetOwnDetailsAsync(CustomerScope scope, CancellationToken cancellationToken) =>
        Own(scope).Select(c => new ContactDetails(c.Phone, c.JobTitle)).SingleOrDefaultAsync(cancellationToken);

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

    private static IQueryable<ContactCandidate> Candidates(IQueryable<ContactRow> contacts) => contacts
        .AsNoTracking()
        .OrderBy(c => c.LastName)
        .ThenBy(c => c.FirstName)
        .ThenBy(c => c.ContactId)
        .Select(c => new ContactCandidate(
            c.ContactId,
            c.FullName,
            c.Email,
            c.Phone,
            c.JobTitle,
            c.AccountId,
            c.Account != null ? c.Account.AccountNumber : null,
            c.Account != null ? c.Account.Name : null,
            c.Account != null ? (Guid?)c.Account.CompanyId : null,
            c.CompanyId,
            c.Company != null ? c.Company.Code : null,
            c.PriceListId,
            c.CurrencyId,
            c.Country));

    private static IQueryable<PortalContact> PortalContacts(IQueryable<ContactRow> contacts) =>
        contacts.AsNoTracking().Select(c => new PortalContact(
            c.ContactId,
            c.FullName,
            c.Email,
            c.AccountId,
            c.Account != null ? c.Account.AccountNumber : null,
            c.Account != null ? c.Account.Name : null,
            c.CompanyId,
            c.Company != null ? c.Company.Code : null,
            c.PriceListId));
}
