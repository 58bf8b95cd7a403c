using System.Data.Common;
using CustomerPortal.PortalStore.Audit;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.PortalStore.Invitations;
using CustomerPortal.PortalStore.Registrations;
using CustomerPortal.PortalStore.Sessions;
using CustomerPortal.PortalStore.StatusMails;
using CustomerPortal.PortalStore.Templates;
using CustomerPortal.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace CustomerPortal.PortalStore;

public static class PortalStoreServiceCollectionExtensions
{
    // THE way into the portal store, for the web app, the seed command and the tests alike.
    public static IServiceCollection AddPortalStore(this IServiceCollection services, PortalStoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(store);
        services.AddSingleton(store);
        // Pooled: every signed-in request checks its session here (PortalSessions) and the header reads the current
        // draft, so building a context and its services per request was a large share of a page's cost (issue 16).
        _ = store.Provider switch
        {
            PortalStoreProvider.Sqlite => services.AddDbContextPool<PortalDbContext, SqlitePortalDbContext>(
                db => KeepStatementsUnlessCreating(db.UseSqlite(SqliteConnectionString(store)), store)
                    .AddInterceptors(UnicodeUpper.Instance)
                    .EnableThreadSafetyChecks(store.ThreadSafetyChecks)),
            PortalStoreProvider.Postgres => services.AddDbContextPool<PortalDbContext, PostgresPortalDbContext>(
                db => db.UseNpgsql(PostgresConnectionString(store)).EnableThreadSafetyChecks(store.ThreadSafetyChecks)),
            _ => throw new ArgumentOutOfRangeException(nameof(store), store.Provider, "Unknown portal store provider."),
        };
        services.TryAddSingleton(TimeProvider.System);

        // The only way into the store: one small store per feature (the context is internal, so they are built here).
        services.AddScoped(s => new PortalUsers(s.GetRequiredService<PortalDbContext>(), s.GetRequiredService<TimeProvider>()));
        services.AddScoped(s => new OrderDraftStore(s.GetRequiredService<PortalDbContext>()));
        services.AddScoped(s => new InvitationStore(s.GetRequiredService<PortalDbContext>()));
        services.AddScoped(s => new RegistrationRequestStore(s.GetRequiredService<PortalDbContext>()));
        services.AddScoped(s => new PortalSessionStore(s.GetRequiredService<PortalDbContext>(), s.GetRequiredService<TimeProvider>()));
        services.AddScoped(s => new StatusMailStore(s.GetRequiredService<PortalDbContext>(), s.GetRequiredService<TimeProvider>()));
        services.AddScoped(s => new OrderTemplateStore(s.GetRequiredService<PortalDbContext>(), s.GetRequiredService<TimeProvider>()));
        services.AddScoped(s => new AuditTrail(s.GetRequiredService<PortalDbContext>(), s.GetRequiredService<TimeProvider>()));
        return services;
    }

    // Identity's user and role stores on the portal store: services.AddIdentity...<PortalUser>().AddPortalStoreIdentity().
    public static IdentityBuilder AddPortalStoreIdentity(this IdentityBuilder identity) =>
        identity.AddEntityFrameworkStores<PortalDbContext>();

    // Data Protection keys in the portal store's DataProtectionKeys table: every instance on one
    // PostgreSQL store reads the same keys, so a cookie issued by one is accepted by all.
    public static IDataProtectionBuilder PersistKeysToPortalStore(this IDataProtectionBuilder dataProtection) =>
        dataProtection.PersistKeysToDbContext<PortalDbContext>();

    // The portal's requests run on connections kept open with their statements compiled (KeepStatementsCompiled).
    // The seed command's new store is renamed into place straight after, so its connections must close (and fold
    // their write-ahead log into the file) as they always did.
    private static DbContextOptionsBuilder KeepStatementsUnlessCreating(DbContextOptionsBuilder db, PortalStoreOptions store) =>
        store.Create ? db : db.KeepStatementsCompiled();

    // Without create, pooling is on. With it (the seed command making a new store) it is off, because
    // the file is renamed into place straight after and a pooled connection would keep it open.
    private static string SqliteConnectionString(PortalStoreOptions store)
    {
        var fullPath = Path.GetFullPath(store.SqlitePath);
        if (!store.Create && !File.Exists(fullPath))
        {
            throw new InvalidOperationException(
                $"The portal store '{fullPath}' does not exist. {PortalStoreOptions.HowToCreate}");
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = store.Create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            DefaultTimeout = 30,
            Pooling = !store.Create,
        }.ToString();
    }

    // Checked here, at start-up, so a typo stops the portal with the key's name rather than on the first
    // page. The message never repeats the value: it holds the password.
    private static string PostgresConnectionString(PortalStoreOptions store)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(store.ConnectionString);
            if (string.IsNullOrEmpty(builder.Host) || string.IsNullOrEmpty(builder.Database))
            {
                throw new InvalidOperationException(
                    $"{PortalStoreOptions.ConnectionStringKey} names no {(string.IsNullOrEmpty(builder.Host) ? "Host" : "Database")}.");
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{PortalStoreOptions.ConnectionStringKey} is not a valid PostgreSQL connection string: {e.Message}", e);
        }
    }

    // SQLite's own upper() changes ASCII letters only; PostgreSQL's changes every letter. The user search
    // upper-cases both sides, so SQLite gets .NET's upper-casing too: "hélène" finds "Hélène" on both.
    // Registered once, when EF creates the connection object: SqliteConnection keeps its functions and binds
    // them again on every open, so doing it on each open (every query) only added a delegate and a native call.
    private sealed class UnicodeUpper : DbConnectionInterceptor
    {
        public static readonly UnicodeUpper Instance = new();

        private static readonly Func<string?, string?> Upper = text => text?.ToUpperInvariant();

        public override DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
        {
            ((SqliteConnection)result).CreateFunction("upper", Upper, isDeterministic: true);
            return result;
        }
    }
}
