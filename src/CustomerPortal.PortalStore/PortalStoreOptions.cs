using Microsoft.Extensions.Configuration;

namespace CustomerPortal.PortalStore;

public enum PortalStoreProvider
{
    // One file in the data directory: the demo, development and a single instance.
    Sqlite,

    // One database shared by every instance of the portal: sign-ins, drafts and Data Protection keys.
    Postgres,
}

// Where the portal store lives. The web app, the seed command and the tests all open the store from
// one of these, so they open it the same way. Create: the caller is making the store (the seed command);
// everyone else refuses a missing one rather than start with nobody able to sign in.
public sealed record PortalStoreOptions(PortalStoreProvider Provider, string SqlitePath, string? ConnectionString = null, bool Create = false)
{
    public const string Section = "PortalStore";
    public const string ProviderKey = "PortalStore:Provider";
    public const string ConnectionStringKey = "PortalStore:ConnectionString";

    // What a missing store's start-up error says to do.
    public const string HowToCreate = "Going live: create it and its first administrator with 'CustomerPortal.Web create-admin --email <address>' "
        + "(from a clone: './run.sh create-admin --email <address>'). For a demo with sample users, './run.sh' seeds one.";

    public static PortalStoreOptions Sqlite(string path, bool create = false) => new(PortalStoreProvider.Sqlite, path, Create: create);

    // EF Core's check that no two operations run on one context at once (the web host's Program.cs says why it turns it
    // off outside Development).
    public bool ThreadSafetyChecks { get; init; } = true;

    // PortalStore:Provider (Sqlite when missing) and PortalStore:ConnectionString; the SQLite file is the
    // one in the data directory, which is configured elsewhere.
    public static PortalStoreOptions FromConfiguration(IConfiguration configuration, string sqlitePath, bool create = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[ProviderKey]?.Trim();
        PortalStoreProvider? provider = string.IsNullOrEmpty(configured)
            ? PortalStoreProvider.Sqlite
            : Enum.GetValues<PortalStoreProvider>().Cast<PortalStoreProvider?>()
                .FirstOrDefault(p => string.Equals(p.ToString(), configured, StringComparison.OrdinalIgnoreCase));
        if (provider is null)
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is '{configured}'. Allowed values: {string.Join(", ", Enum.GetNames<PortalStoreProvider>())}.");
        }

        var connectionString = configuration[ConnectionStringKey];
        if (provider == PortalStoreProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is Postgres but {ConnectionStringKey} is missing. Set it from an environment variable "
                + "(PortalStore__ConnectionString) or user secrets, never in a file under source control.");
        }

        return new(provider.Value, sqlitePath, connectionString, create);
    }

    // The connection string holds a password: a record would print it in logs and exception messages.
    public override string ToString() =>
        $"{Provider} portal store ({(Provider == PortalStoreProvider.Sqlite ? SqlitePath : "connection string not shown")})";
}
