using CustomerPortal.PortalStore.Audit;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.PortalStore.Invitations;
using CustomerPortal.PortalStore.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerPortal.PortalStore;

public static class PortalStoreServiceCollectionExtensions
{
    // create: the seed command making a new store. Without pooling then, because the file is renamed
    // into place straight after and a pooled connection would keep it open.
    public static IServiceCollection AddPortalStore(this IServiceCollection services, string portalStorePath, bool create = false)
    {
        var fullPath = Path.GetFullPath(portalStorePath);
        if (!create && !File.Exists(fullPath))
        {
            throw new InvalidOperationException(
                $"The portal store '{fullPath}' does not exist. Going live: create it and its first administrator with "
                + "'CustomerPortal.Web create-admin --email <address>' (from a clone: './run.sh create-admin --email <address>'). "
                + "For a demo with sample users, './run.sh' seeds one.");
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            DefaultTimeout = 30,
            Pooling = !create,
        }.ToString();
        services.AddDbContext<PortalDbContext>(db => db.UseSqlite(connectionString));
        services.TryAddSingleton(TimeProvider.System);

        // The only way into the store: one small store per feature (the context is internal, so they are built here).
        services.AddScoped(s => new PortalUsers(s.GetRequiredService<PortalDbContext>(), s.GetRequiredService<TimeProvider>()));
        services.AddScoped(s => new OrderDraftStore(s.GetRequiredService<PortalDbContext>()));
        services.AddScoped(s => new InvitationStore(s.GetRequiredService<PortalDbContext>()));
        services.AddScoped(s => new RegistrationRequestStore(s.GetRequiredService<PortalDbContext>()));
        services.AddScoped(s => new AuditTrail(s.GetRequiredService<PortalDbContext>(), s.GetRequiredService<TimeProvider>()));
        return services;
    }

    // Identity's user and role stores on the portal store: services.AddIdentity...<PortalUser>().AddPortalStoreIdentity().
    public static IdentityBuilder AddPortalStoreIdentity(this IdentityBuilder identity) =>
        identity.AddEntityFrameworkStores<PortalDbContext>();
}
