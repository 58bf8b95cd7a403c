using CustomerPortal.PortalStore;
using CustomerPortal.Tests.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Tests.PortalStore;

// The portal store's schema comes from EF Core migrations. The fixture is a portal.db made by the seed
// command of the last version before migrations (EnsureCreated, no __EFMigrationsHistory), with a
// draft, an invitation, a registration request and audit rows added: live portals have files like it.
public sealed class PortalStoreMigrationTests
{
    private const string InitialMigration = "20261202093652_InitialCreate";

    private static readonly string MadeBeforeMigrations =
        Path.Combine(RepositoryPaths.Root, "tests", "Shared", "Fixtures", "portal-made-before-migrations.db");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AStoreMadeBeforeMigrationsUpgradesInPlaceWithoutLosingAnyRow()
    {
        using var directory = new TempDirectory();
        var path = CopyOfFixtureIn(directory);

        await using var services = await MigratedStoreAsync(path);

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        foreach (var (email, password, role) in DemoPersonas)
        {
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, password), $"{email} can no longer sign in");
            Assert.Equal([role], await users.GetRolesAsync(user));
        }

        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var draft = await db.OrderDrafts.Include(d => d.Lines).SingleAsync(Cancellation);
        Assert.Equal("REQ-FIXTURE", draft.RequisitionNumber);
        Assert.Equal(new DateOnly(2026, 12, 15), draft.RequestedReceiptDate);
        Assert.Equal([5m, 2.5m], draft.Lines.OrderBy(l => l.Position).Select(l => l.Quantity));
        var invitation = await db.Invitations.SingleAsync(Cancellation);
        Assert.Equal("kennedy.lueilwitz@jakubowski-goodwin.example", invitation.Email);
        Assert.Equal(new DateTime(2026, 12, 7, 10, 0, 0), invitation.ExpiresAt);
        Assert.Equal("casey@requester.example", (await db.RegistrationRequests.SingleAsync(Cancellation)).Email);
        Assert.Equal(["InvitationSent", "UserLocked"], await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Cancellation));

        Assert.Equal([InitialMigration], await db.Database.GetAppliedMigrationsAsync(Cancellation));
        Assert.Equal(await SchemaOfFreshStoreAsync(), Schema(path));
    }

    [Fact]
    public async Task AStoreMissingTablesAddedAfterItWasMadeGetsThemOnUpgrade()
    {
        using var directory = new TempDirectory();
        var path = CopyOfFixtureIn(directory);
        // As a store from before self-registration: the hand-written upgrade used to add this table.
        Execute(path, "DROP TABLE PortalRegistrationRequests");

        await using var services = await MigratedStoreAsync(path);

        Assert.Equal(await SchemaOfFreshStoreAsync(), Schema(path));
    }

    [Fact]
    public async Task MigratingAgainOnTheNextStartChangesNothing()
    {
        using var directory = new TempDirectory();
        var path = CopyOfFixtureIn(directory);

        await using var services = await MigratedStoreAsync(path);
        var once = Schema(path);
        await services.MigratePortalStoreAsync(Cancellation);

        Assert.Equal(once, Schema(path));
    }

    [Fact]
    public async Task AnEmptyStoreMigratesToTheCurrentModel()
    {
        using var directory = new TempDirectory();
        var path = EmptyStoreIn(directory);

        await using var services = await MigratedStoreAsync(path);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run 'dotnet ef migrations add' (see the README).");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancellation));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Cancellation));
    }

    private static readonly (string Email, string Password, string Role)[] DemoPersonas =
    [
        ("rep@contoso.example", "Demo-Portal-2026!", "CustomerRepresentative"),
        ("buyer@contoso.example", "Demo-Portal-2026!", "AuthorizedUser"),
        ("buyer@fabrikam.example", "Demo-Portal-2026!", "CustomerRepresentative"),
        ("admin@portal.example", "Demo-Admin-2026!", "Administrator"),
    ];

    private static string CopyOfFixtureIn(TempDirectory directory)
    {
        var path = directory.File("portal.db");
        File.Copy(MadeBeforeMigrations, path);
        return path;
    }

    // SQLite takes an empty file for an empty database; the portal store refuses a missing one.
    private static string EmptyStoreIn(TempDirectory directory)
    {
        var path = directory.File("portal.db");
        File.WriteAllBytes(path, []);
        return path;
    }

    // The portal store as the web app registers it (with the Identity stores sign-in uses), after the
    // same start-up step that migrates it.
    private static async Task<ServiceProvider> MigratedStoreAsync(string path)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalStore(path);
        services.AddIdentityCore<PortalUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PortalDbContext>();
        var provider = services.BuildServiceProvider();
        await provider.MigratePortalStoreAsync(Cancellation);
        return provider;
    }

    private static async Task<IReadOnlyList<string>> SchemaOfFreshStoreAsync()
    {
        using var directory = new TempDirectory();
        var path = EmptyStoreIn(directory);
        await using var services = await MigratedStoreAsync(path);
        return Schema(path);
    }

    // Every table and index with the SQL that made it; the migration lock table comes and goes, so it is left out.
    private static List<string> Schema(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master "
            + "WHERE name NOT IN ('__EFMigrationsLock', 'sqlite_sequence') ORDER BY type, name";
        using var reader = command.ExecuteReader();
        var schema = new List<string>();
        while (reader.Read())
        {
            schema.Add(reader.GetString(0));
        }

        return schema;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }
}
