using System.Data.Common;
using CustomerPortal.PortalStore;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CustomerPortal.Testing;

// A throw-away portal store for one test or fixture: a SQLite file in a temp folder, or a PostgreSQL
// database with a unique name on the server CUSTOMERPORTAL_POSTGRES names, dropped afterwards. Without
// that variable the PostgreSQL cases are skipped, unless CUSTOMERPORTAL_REQUIRE_POSTGRES=1 (CI), where
// that is a failure. Shared (linked) by both test projects.
public sealed class TestPortalStore : IDisposable
{
    public const string ServerVariable = "CUSTOMERPORTAL_POSTGRES";
    public const string RequireVariable = "CUSTOMERPORTAL_REQUIRE_POSTGRES";

    private readonly string? _directory;

    private TestPortalStore(PortalStoreOptions options, string? directory)
    {
        Options = options;
        _directory = directory;
    }

    // For [MemberData]: every test that takes a provider runs once per provider.
    public static TheoryData<PortalStoreProvider> Providers => new(PortalStoreProvider.Sqlite, PortalStoreProvider.Postgres);

    // Create is set: the first one to open the store (AddPortalStore + MigratePortalStoreAsync, or the
    // seeder) makes it; a portal started over it afterwards uses Options with Create off.
    public PortalStoreOptions Options { get; }

    public PortalStoreProvider Provider => Options.Provider;

    // The settings that point the portal at this store (PortalStore:*); the SQLite one is the data directory's file.
    public IEnumerable<(string Key, string? Value)> PortalSettings => Provider == PortalStoreProvider.Postgres
        ? [(PortalStoreOptions.ProviderKey, "Postgres"), (PortalStoreOptions.ConnectionStringKey, Options.ConnectionString)]
        : [(PortalStoreOptions.ProviderKey, "Sqlite")];

    // sqlitePath: where the SQLite store goes (a data directory's portal.db); a temp file when null.
    public static TestPortalStore Create(PortalStoreProvider provider, string? sqlitePath = null)
    {
        if (provider == PortalStoreProvider.Sqlite)
        {
            var directory = sqlitePath is null ? Directory.CreateTempSubdirectory("customerportal-store-").FullName : null;
            return new(PortalStoreOptions.Sqlite(sqlitePath ?? Path.Combine(directory!, "portal.db"), create: true), directory);
        }

        var database = new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = $"portal_test_{Guid.NewGuid():N}" };
        return new(new PortalStoreOptions(PortalStoreProvider.Postgres, "", database.ConnectionString, Create: true), null);
    }

    // The server's connection string, or a skip (a failure when CUSTOMERPORTAL_REQUIRE_POSTGRES=1).
    public static string ServerConnectionString()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.False(Environment.GetEnvironmentVariable(RequireVariable) == "1",
                $"{ServerVariable} is not set and {RequireVariable}=1 (.ci/run starts Debian's postgresql and sets both).");
            Assert.Skip($"PostgreSQL not configured: set {ServerVariable} (e.g. Host=127.0.0.1;Username=portal;Password=portal, a role with CREATEDB) to run the PostgreSQL cases.");
        }

        return server;
    }

    // Plain SQL against the store, for what the feature stores do not show. Quote identifiers ("AspNetUsers"): PostgreSQL folds unquoted ones to lower case.
    public DbConnection OpenConnection()
    {
        DbConnection connection = Provider == PortalStoreProvider.Postgres
            ? new NpgsqlConnection(Options.ConnectionString)
            : new SqliteConnection($"Data Source={Options.SqlitePath};Pooling=False");
        connection.Open();
        return connection;
    }

    public List<string> Strings(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    public void Dispose()
    {
        if (Provider == PortalStoreProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            var maintenance = new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = "postgres", Pooling = false };
            using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            connection.Open();
            using var drop = connection.CreateCommand();
            // FORCE: a portal still closing may hold a connection for a moment.
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(Options.ConnectionString).Database}\" WITH (FORCE)";
            drop.ExecuteNonQuery();
        }
        else if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A connection closing late keeps the file open for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}
