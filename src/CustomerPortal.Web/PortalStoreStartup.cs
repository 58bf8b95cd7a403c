using CustomerPortal.PortalStore;

namespace CustomerPortal.Web;

public static class PortalStoreStartup
{
    // Adds the portal store's new tables before the first request, so an existing data directory keeps its users.
    public static void UpgradePortalStore(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        PortalStoreSchema.EnsureCurrent(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
