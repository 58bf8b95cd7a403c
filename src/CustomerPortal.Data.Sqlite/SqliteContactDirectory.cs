using CustomerPortal.Core.Contacts;
using CustomerPortal.Data.Sqlite.Mirror;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Data.Sqlite;

internal sealed class SqliteContactDirectory(MirrorDbContext db) : IContactDirectory
{
    public Task<PortalContact?> FindAsync(Guid contactId, CancellationToken cancellationToken) =>
        db.Contacts
            .AsNoTracking()
            .Where(c => c.ContactId == contactId && c.StateCode == 0)
            .Select(c => new PortalContact(
                c.ContactId,
                c.FullName,
                c.Email,
                c.AccountId,
                c.Account != null ? c.Account.AccountNumber : null,
                c.Account != null ? c.Account.Name : null,
                c.CompanyId,
                c.Company != null ? c.Company.Code : null,
                c.PriceListId))
            .SingleOrDefaultAsync(cancellationToken);
}
