using CustomerPortal.Core;
using CustomerPortal.PortalStore;
using CustomerPortal.Seed.Generation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Seed;

// The portal's sign-in store (portal.db): the three roles and one user per persona, created through
// ASP.NET Core Identity itself so that passwords are hashed exactly as the portal checks them.
internal static class PortalStoreSeeder
{
    // store: a new SQLite file (MirrorSeeder's staging copy), or an empty PostgreSQL database (tests), with Create set.
    public static int Create(PortalStoreOptions store, SeedProfile profile, IReadOnlyList<Guid?> personaContactIds)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalStore(store);
        services.AddIdentityCore<PortalUser>()
            .AddRoles<IdentityRole>()
            .AddPortalStoreIdentity();

        using var provider = services.BuildServiceProvider();
        provider.MigratePortalStoreAsync().GetAwaiter().GetResult();

        using var scope = provider.CreateScope();

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PortalRoles.All)
        {
            Succeeded(roles.CreateAsync(new IdentityRole(role)).GetAwaiter().GetResult(), $"role {role}");
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        for (var i = 0; i < profile.Personas.Count; i++)
        {
            var persona = profile.Personas[i];
            var user = new PortalUser
            {
                Id = SeedIds.For(profile.RandomSeed, SeedStream.PortalUserId, i).ToString(),
                UserName = persona.Email,
                Email = persona.Email,
                EmailConfirmed = true,
                DisplayName = persona.DisplayName,
                ContactId = personaContactIds[i],
            };
            Succeeded(users.CreateAsync(user, persona.Password).GetAwaiter().GetResult(), $"user {persona.Email}");
            Succeeded(users.AddToRoleAsync(user, persona.Role).GetAwaiter().GetResult(), $"role of {persona.Email}");
        }

        return profile.Personas.Count;
    }

    private static void Succeeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Creating {what} in the portal store failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
