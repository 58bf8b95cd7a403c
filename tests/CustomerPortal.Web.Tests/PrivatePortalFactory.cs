extern alias seedcommand;

using CustomerPortal.PortalStore;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using seedcommand::CustomerPortal.Seed;

namespace CustomerPortal.Web.Tests;

// The portal over its own copy of the seeded data directory, for tests that change the portal store
// (invitations, locked or removed users, a new password) or the mirror (a contact's phone number):
// other test classes keep seeing the demo data exactly as seeded. With the PostgreSQL portal store, the
// copy has no portal.db: the demo's roles and personas are seeded into a throw-away database instead.
public class PrivatePortalFactory : PortalFactory
{
    public PrivatePortalFactory(SeededPortalData data, PortalStoreProvider portalStore = PortalStoreProvider.Sqlite)
        : base(data)
    {
        // First, so that a skipped PostgreSQL case leaves nothing behind.
        Store = portalStore == PortalStoreProvider.Postgres ? TestPortalStore.Create(portalStore) : null;
        DataDirectory = Directory.CreateTempSubdirectory("customerportal-private-").FullName;
        foreach (var file in Directory.GetFiles(data.DataDirectory))
        {
            var name = Path.GetFileName(file);
            if (Store is not null && name == MirrorSeeder.PortalStoreFileName)
            {
                continue;
            }

            if (name.EndsWith(".db", StringComparison.Ordinal))
            {
                SnapshotDatabase(file, Path.Combine(DataDirectory, name));
            }
            else if (!name.EndsWith("-journal", StringComparison.Ordinal) && !name.EndsWith("-wal", StringComparison.Ordinal)
                     && !name.EndsWith("-shm", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(DataDirectory, name));
            }
        }

        if (Store is not null)
        {
            // As the seed command fills portal.db: the demo personas, linked to their contacts in the mirror.
            var profile = SeedProfile.Load(Path.Combine(SeededPortalData.RepositoryRoot, "seed", "demo.json"), SeededPortalData.ReferenceDate);
            PortalStoreSeeder.Create(Store.Options, profile,
                [.. profile.Personas.Select(p => p.AccountNumber is null ? (Guid?)null : Mirror.ContactIdByEmail(p.Email))]);
            foreach (var (key, value) in Store.PortalSettings)
            {
                Settings[key] = value;
            }
        }
    }

    // Other test classes write to the shared databases while this one copies them: VACUUM INTO takes a
    // consistent snapshot and, unlike a file copy or the backup API, waits for a writer instead of failing.
    private static void SnapshotDatabase(string source, string target)
    {
        using var from = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={source};Mode=ReadOnly;Pooling=False");
        from.Open();
        using var command = from.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        command.ExecuteNonQuery();
        ReleaseCopiedMigrationLock(target);
    }

    // EF Core holds a row in __EFMigrationsLock while it migrates. A snapshot taken while another portal in this
    // test run was starting copies that row, and the copy's own start would then wait for a lock no one holds.
    private static void ReleaseCopiedMigrationLock(string database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            command.CommandText = "DELETE FROM __EFMigrationsLock";
            command.ExecuteNonQuery();
        }
    }

    public string DataDirectory { get; }

    // The PostgreSQL store, when the portal runs on one.
    public TestPortalStore? Store { get; }

    public string PortalStorePath => Path.Combine(DataDirectory, "portal.db");

    public string MirrorPath => Path.Combine(DataDirectory, "mirror.db");

    // Read after the factory is built, so Settings changes made by subclasses' constructors apply.
    public void Set(string key, string? value) => Settings[key] = value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:DataDirectory", DataDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Store?.Dispose();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A connection closing late keeps a file open for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}
