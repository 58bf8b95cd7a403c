using System.Reflection;
using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Audit;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.PortalStore.Invitations;
using CustomerPortal.PortalStore.Registrations;
using CustomerPortal.Testing;
using CustomerPortal.Tests.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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

        // Read back through the feature stores, as the pages read them.
        var buyer = await users.FindByEmailAsync("buyer@contoso.example");
        var draft = Assert.Single(await scope.ServiceProvider.GetRequiredService<OrderDraftStore>()
            .ListOpenAsync(buyer!.Id, new Guid("33641364-7452-42FA-8FDC-74D5CCA0A4DF"), Cancellation));
        Assert.Equal("REQ-FIXTURE", draft.RequisitionNumber);
        Assert.Equal(new DateOnly(2026, 12, 15), draft.RequestedReceiptDate);
        Assert.Equal([5m, 2.5m], draft.Lines.OrderBy(l => l.Position).Select(l => l.Quantity));
        var invitation = Assert.Single(await scope.ServiceProvider.GetRequiredService<InvitationStore>().ListRecentAsync(10, Cancellation));
        Assert.Equal("kennedy.lueilwitz@jakubowski-goodwin.example", invitation.Email);
        Assert.Equal(new DateTime(2026, 12, 7, 10, 0, 0), invitation.ExpiresAt);
        var request = Assert.Single(await scope.ServiceProvider.GetRequiredService<RegistrationRequestStore>().ListPendingAsync(10, Cancellation));
        Assert.Equal("casey@requester.example", request.Email);
        var audit = await scope.ServiceProvider.GetRequiredService<AuditTrail>().ListLatestAsync(10, Cancellation);
        Assert.Equal(["UserLocked", "InvitationSent"], audit.Select(a => a.Action));

        // Recorded as on the initial migration, then brought up to date by the ones after it.
        Assert.Equal(InitialMigration, AppliedMigrations(path)[0]);
        Assert.Equal(MigrationsOf(PortalStoreProvider.Sqlite), AppliedMigrations(path));
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

    // A start that finds the store up to date skips EF Core's migrator; one that finds it on the latest
    // migration but out of write-ahead logging (a file copied back by a tool, a restore) still puts it back.
    [Fact]
    public async Task AnUpToDateStoreThatLostWriteAheadLoggingGetsItBackOnTheNextStart()
    {
        using var directory = new TempDirectory();
        var path = EmptyStoreIn(directory);
        await using (await MigratedStoreAsync(path))
        {
        }

        SqliteConnection.ClearAllPools();
        Execute(path, "PRAGMA journal_mode = DELETE");
        Assert.Equal(["delete"], Strings(path, "PRAGMA journal_mode"));

        await using (await MigratedStoreAsync(path))
        {
        }

        Assert.Equal(["wal"], Strings(path, "PRAGMA journal_mode"));
        Assert.Equal(MigrationsOf(PortalStoreProvider.Sqlite), AppliedMigrations(path));
    }

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task AnEmptyStoreMigratesToTheCurrentModelWithItsProvidersMigrations(PortalStoreProvider provider)
    {
        using var store = TestPortalStore.Create(provider);

        // Migrating refuses a model changed without a migration (EF Core treats PendingModelChangesWarning as
        // an error): getting past this means there is none for this provider. If it throws, run
        // 'dotnet ef migrations add' for that provider's context (see the README).
        await using (await MigratedStoreAsync(store.Options))
        {
        }

        var migrations = MigrationsOf(provider);
        Assert.NotEmpty(migrations);
        Assert.Equal(migrations, store.Strings(AppliedMigrationsSql));

        // The next start opens the store it made: nothing more to apply.
        await using (await MigratedStoreAsync(store.Options with { Create = false }))
        {
        }

        Assert.Equal(migrations, store.Strings(AppliedMigrationsSql));
    }

    [Fact]
    public async Task APostgresDatabaseThatDoesNotExistIsRefusedNamingTheKeyUnlessTheStoreIsBeingMade()
    {
        using var store = TestPortalStore.Create(PortalStoreProvider.Postgres);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MigratedStoreAsync(store.Options with { Create = false }));

        Assert.Contains(PortalStoreOptions.ConnectionStringKey, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
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
    private static Task<ServiceProvider> MigratedStoreAsync(string path) => MigratedStoreAsync(PortalStoreOptions.Sqlite(path));

    private static async Task<ServiceProvider> MigratedStoreAsync(PortalStoreOptions store)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalStore(store);
        services.AddIdentityCore<PortalUser>().AddRoles<IdentityRole>().AddPortalStoreIdentity();
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
    private static List<string> Schema(string path) => Strings(path,
        "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master "
        + "WHERE name NOT IN ('__EFMigrationsLock', 'sqlite_sequence') ORDER BY type, name");

    private const string AppliedMigrationsSql = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";

    private static List<string> AppliedMigrations(string path) => Strings(path, AppliedMigrationsSql);

    // The migrations of one provider's context (SqlitePortalDbContext, PostgresPortalDbContext), oldest first.
    private static List<string> MigrationsOf(PortalStoreProvider provider) => typeof(PortalUser).Assembly.GetTypes()
        .Where(type => type.GetCustomAttribute<DbContextAttribute>()?.ContextType.Name == $"{provider}PortalDbContext")
        .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Id).OfType<string>().Order(StringComparer.Ordinal).ToList();

    private static List<string> Strings(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
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
