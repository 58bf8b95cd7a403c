using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Core.Invoices;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.Core.Products;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerPortal.Data.Sqlite;

public static class SqliteMirrorServiceCollectionExtensions
{
    // Registers the SQLite mirror behind the data-source port. The portal never seeds: a missing
    // mirror is a set-up mistake and stops start-up with the command that fixes it. threadSafetyChecks: EF Core's check
    // that no two operations run on one context at once (the web host turns it off outside Development: its Program.cs says why).
    public static IServiceCollection AddSqliteMirror(this IServiceCollection services, string mirrorPath, bool threadSafetyChecks = true)
    {
        var fullPath = Path.GetFullPath(mirrorPath);
        if (!File.Exists(fullPath))
        {
            throw new InvalidOperationException(
                $"The SQLite mirror '{fullPath}' does not exist. Seed it with './run.sh' (or "
                + "'dotnet run --project src/CustomerPortal.Seed -- --profile seed/demo.json --data-dir <dir>').");
        }

        var options = new SqliteMirrorOptions(fullPath);
        RefuseAnOlderMirror(options, fullPath);
        services.AddDbContextPool<MirrorDbContext>(db => db
            .UseSqlite(options.ConnectionString)
            .KeepStatementsCompiled()
            .AddInterceptors(PrepareOnce.Instance)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .EnableThreadSafetyChecks(threadSafetyChecks));

        services.AddScoped<ISalesOrderStore, SqliteSalesOrderStore>();
        services.AddScoped<IInvoiceStore, SqliteInvoiceStore>();
        services.AddScoped<IOrderChangeFeed, SqliteOrderChangeFeed>();
        services.AddScoped<ICustomerRows, SqliteCustomerRows>();
        services.AddScoped<ICustomerAccountStore, SqliteCustomerAccountStore>();
        services.AddScoped<IProductCatalog, SqliteProductCatalog>();
        services.AddScoped<IContactDirectory, SqliteContactDirectory>();
        services.AddScoped<IContactAdministration, SqliteContactDirectory>();
        services.AddScoped<IDataSourceHealth, SqliteDataSourceHealth>();
        // The host may register its configured numbering; the default prefix otherwise.
        services.TryAddSingleton(OrderNumbering.Default);
        services.AddSingleton<SqliteWriteGate>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IOrderEntryStore, SqliteOrderEntryStore>();
        services.AddScoped<IOrderEntry, OrderEntry>();
        return services;
    }

    // A mirror seeded by an older version lacks the columns added to the schema since: say so at start-up
    // with the fix, rather than fail on the first page that reads one.
    private static void RefuseAnOlderMirror(SqliteMirrorOptions options, string fullPath)
    {
        if (MirrorDatabase.MissingSchema(options.ConnectionString) is { } missing)
        {
            throw new InvalidOperationException(
                $"The SQLite mirror '{fullPath}' was made by an older version of the portal: it has no {missing}. "
                + "Rebuild it from its seed profile with './run.sh --reseed' (this also recreates the demo sign-ins).");
        }
    }
}
