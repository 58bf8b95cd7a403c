using CustomerPortal.PortalStore.Audit;
using CustomerPortal.PortalStore.Invitations;
using CustomerPortal.PortalStore.Registrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.PortalStore;

public static class PortalStoreServiceCollectionExtensions
{
    public static IServiceCollection AddPortalStore(this IServiceCollection services, string portalStorePath)
    {
        var fullPath = Path.GetFullPath(portalStorePath);
        if (!File.Exists(fullPath))
        {
            throw new InvalidOperationException(
                $"The portal store '{fullPath}' does not exist. Seed it with './run.sh' (or "
                + "'dotnet run --project src/CustomerPortal.Seed -- --profile seed/demo.json --data-dir <dir>').");
        }

        services.AddDbContext<PortalDbContext>(db => db.UseSqlite(ConnectionStringFor(fullPath, create: false)));
        // The pages' way into the store: one small store per feature.
        services.AddScoped<PortalUsers>();
        services.AddScoped<InvitationStore>();
        services.AddScoped<RegistrationRequestStore>();
        services.AddScoped<AuditTrail>();
        return services;
    }

    public static string ConnectionStringFor(string path, bool create) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
        DefaultTimeout = 30,
    }.ToString();
}
