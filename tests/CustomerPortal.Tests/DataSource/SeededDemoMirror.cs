using CustomerPortal.Core;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.DualWrite;
using CustomerPortal.Seed;
using Microsoft.EntityFrameworkCore;

[assembly: AssemblyFixture(typeof(CustomerPortal.Tests.DataSource.SeededDemoMirror))]

namespace CustomerPortal.Tests.DataSource;

// The demo profile seeded once for the whole test assembly. Tests only read it.
public sealed class SeededDemoMirror : IDisposable
{
    // seed/demo.json says "today"; the tests' known values were generated on this day.
    public static readonly DateOnly ReferenceDate = new(2026, 11, 1);

    public SeededDemoMirror()
    {
        DataDirectory = Directory.CreateTempSubdirectory("customerportal-tests-").FullName;
        MirrorSeeder.Seed(SeedProfile.Load(RepositoryPaths.SeedProfile("demo"), ReferenceDate), DataDirectory);

        using var db = OpenMirror();
        Representative = ScopeOf(db, "rep@contoso.example", CustomerRole.CustomerRepresentative);
        AuthorizedUser = ScopeOf(db, "buyer@contoso.example", CustomerRole.AuthorizedUser);
        OtherCustomer = ScopeOf(db, "buyer@fabrikam.example", CustomerRole.CustomerRepresentative);
    }

    public string DataDirectory { get; }

    public string MirrorPath => Path.Combine(DataDirectory, "mirror.db");

    public CustomerScope Representative { get; }

    public CustomerScope AuthorizedUser { get; }

    public CustomerScope OtherCustomer { get; }

    // A direct EF view of the mirror, to compute what the port *should* answer.
    internal MirrorDbContext OpenMirror() =>
        new(new DbContextOptionsBuilder<MirrorDbContext>().UseSqlite($"Data Source={MirrorPath};Mode=ReadOnly").Options);

    internal List<SalesOrderRow> OrdersVisibleTo(CustomerScope scope)
    {
        using var db = OpenMirror();
        return db.SalesOrders.AsNoTracking()
            .Where(o => o.CustomerId == scope.AccountId && o.CompanyId == scope.CompanyId)
            .Where(o => scope.SeesWholeAccount || o.ContactPersonId == scope.ContactId)
            .ToList();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private static CustomerScope ScopeOf(MirrorDbContext db, string email, CustomerRole role)
    {
        var contact = db.Contacts.AsNoTracking().Single(c => c.Email == email);
        return new CustomerScope(contact.ContactId, contact.AccountId!.Value, contact.CompanyId!.Value, contact.PriceListId, role);
    }
}
