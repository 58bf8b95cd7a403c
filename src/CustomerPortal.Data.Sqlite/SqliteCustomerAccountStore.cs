using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Data.Sqlite.Mirror;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Data.Sqlite;

internal sealed class SqliteCustomerAccountStore(MirrorDbContext db) : ICustomerAccountStore
{
    public Task<CustomerAccount?> GetAsync(CustomerScope scope, CancellationToken cancellationToken) =>
        db.Accounts
            .AsNoTracking()
            .Where(a => a.AccountId == scope.AccountId && a.CompanyId == scope.CompanyId)
            .Select(a => new CustomerAccount(
                a.AccountId,
                a.AccountNumber,
                a.Name,
                new LegalEntity(a.Company!.CompanyId, a.Company.Code, a.Company.Name),
                new PostalAddress(a.Line1, a.Line2, a.City, a.StateOrProvince, a.PostalCode, a.Country),
                a.Phone,
                a.Email,
                new Currency(a.Currency!.IsoCode, a.Currency.Symbol, a.Currency.Precision),
                a.CreditLimit,
                a.CreditLimitIsMandatory,
                a.OnHoldStatus,
                a.PriceList != null ? a.PriceList.Name : null))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<AccountContact>> ListContactsAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        var contacts = db.Contacts
            .AsNoTracking()
            .Where(c => c.AccountId == scope.AccountId && c.CompanyId == scope.CompanyId && c.StateCode == 0);

        if (!scope.SeesWholeAccount)
        {
            contacts = contacts.Where(c => c.ContactId == scope.ContactId);
        }

        return await contacts
            .OrderBy(c => c.LastName)
            .ThenBy(c => c.FirstName)
            .ThenBy(c => c.ContactId)
            .Select(c => new AccountContact(c.ContactId, c.FullName, c.Email, c.Phone, c.JobTitle))
            .ToListAsync(cancellationToken);
    }
}
