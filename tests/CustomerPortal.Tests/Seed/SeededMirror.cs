using System.Security.Cryptography;
using System.Text.Json;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

[assembly: AssemblyFixture(typeof(CustomerPortal.Tests.Seed.SeededMirror))]

namespace CustomerPortal.Tests.Seed;

// One seed of the small test profile, shared by every seed test that only reads.
public sealed class SeededMirror : IDisposable
{
    private readonly TempDirectory _directory = new();

    public SeededMirror()
    {
        Profile = SeedProfile.Parse(TestProfiles.Small().ToJsonString());
        Summary = MirrorSeeder.Seed(Profile, _directory.Path);
    }

    public SeedProfile Profile { get; }

    public SeedSummary Summary { get; }

    public string DataDirectory => _directory.Path;

    public DateTime ReferenceMoment { get; } = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    internal MirrorDbContext OpenMirror() => OpenMirror(_directory.Path);

    internal static MirrorDbContext OpenMirror(string dataDirectory) => new(new DbContextOptionsBuilder<MirrorDbContext>()
        .UseSqlite(ReadOnly(Path.Combine(dataDirectory, MirrorSeeder.MirrorFileName)))
        .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
        .Options);

    public SeededPortalStore OpenPortalStore() => new(_directory.Path);

    // A fingerprint of every mirror table as EF reads it back: table name -> hash of all rows in id order.
    public static IReadOnlyDictionary<string, string> Fingerprint(string dataDirectory)
    {
        using var mirror = OpenMirror(dataDirectory);
        return new Dictionary<string, string>
        {
            ["cdm_company"] = Hash(mirror.Companies.OrderBy(r => r.CompanyId)),
            ["msdyn_shipvia"] = Hash(mirror.DeliveryModes.OrderBy(r => r.ShipViaId)),
            ["transactioncurrency"] = Hash(mirror.Currencies.OrderBy(r => r.CurrencyId)),
            ["uom"] = Hash(mirror.Units.OrderBy(r => r.UnitId)),
            ["pricelevel"] = Hash(mirror.PriceLists.OrderBy(r => r.PriceListId)),
            ["productpricelevel"] = Hash(mirror.PriceListItems.OrderBy(r => r.PriceListItemId)),
            ["product"] = Hash(mirror.Products.OrderBy(r => r.ProductId)),
            ["account"] = Hash(mirror.Accounts.OrderBy(r => r.AccountId)),
            ["contact"] = Hash(mirror.Contacts.OrderBy(r => r.ContactId)),
            ["salesorder"] = Hash(mirror.SalesOrders.OrderBy(r => r.SalesOrderId)),
            ["salesorderdetail"] = Hash(mirror.SalesOrderLines.OrderBy(r => r.SalesOrderLineId)),
            ["invoice"] = Hash(mirror.Invoices.OrderBy(r => r.InvoiceId)),
            ["invoicedetail"] = Hash(mirror.InvoiceLines.OrderBy(r => r.InvoiceLineId)),
        };
    }

    public void Dispose() => _directory.Dispose();

    private static string Hash<TRow>(IQueryable<TRow> rows)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var count = 0;
        foreach (var row in rows)
        {
            sha.AppendData(JsonSerializer.SerializeToUtf8Bytes(row));
            count++;
        }

        return $"{count} rows, {Convert.ToHexString(sha.GetHashAndReset())}";
    }

    private static string ReadOnly(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
    }.ToString();
}
