using CustomerPortal.PortalStore;
using CustomerPortal.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Tests.Seed;

// A seeded portal store opened as the portal opens it: users and roles through Identity's managers,
// since the store's context is internal to it.
public sealed class SeededPortalStore : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;

    public SeededPortalStore(string dataDirectory)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalStore(PortalStoreOptions.Sqlite(Path.Combine(dataDirectory, MirrorSeeder.PortalStoreFileName)));
        services.AddIdentityCore<PortalUser>().AddRoles<IdentityRole>().AddPortalStoreIdentity();
        _services = services.BuildServiceProvider();
        _scope = _services.CreateScope();
    }

    public UserManager<PortalUser> Users => _scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

    public RoleManager<IdentityRole> Roles => _scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
    }
}
