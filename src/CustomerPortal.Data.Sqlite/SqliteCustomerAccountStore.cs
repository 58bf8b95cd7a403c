using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.DualWrite;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Data.Sqlite;

internal sealed class SqliteCustomerAccountStore(MirrorDbContext db) : ICustomerAccountStore
{
    public Task<CustomerAccount?> GetAsync(CustomerScope scope, CancellationToken cancellationToken) =>
        db.Accounts
            .AsNoTracking()
            .Where(a => a.AccountId == scope.AccountId && a.CompanyId == scope.CompanyId)
            .Select(Records.CustomerAccount)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<AccountContact>> ListContactsAsync(CustomerScope scope, CancellationToken cancellationToken) =>
        await SqliteContactDirectory.Colleagues(db, scope).Select(Records.AccountContact).ToListAsync(cancellationToken);
}
