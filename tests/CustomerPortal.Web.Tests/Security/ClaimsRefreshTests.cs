using CustomerPortal.PortalStore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Web.Tests.Security;

// Identity's stamp validator rebuilds the cookie's claims from the user once its interval (10 minutes) has
// passed since the cookie was issued; the portal builds that validator only when it is due (issue 16). A name
// changed in the store, with no new security stamp, reaches the header at the first request after the
// interval and not before, and the session goes on with the refreshed cookie.
public sealed class ClaimsRefreshTests(SeededPortalData data)
{
    private const string Password = "Lantern-Meadow-2026!";

    [Fact]
    public async Task AChangedNameReachesTheHeaderOnceTheStampIntervalHasPassedAndTheSessionGoesOn()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var portal = new ClockedPortal(data, clock);
        var email = await portal.CreateUserAsync(Password, Core.PortalRoles.AuthorizedUser, linkedToContactOf: Personas.AuthorizedUser);
        using var user = portal.CreatePortalClient();
        await user.SignInAsync(email, Password);
        var stamp = (await portal.FindUserAsync(email))!.SecurityStamp;

        await portal.ReadStoreAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var stored = (await users.FindByEmailAsync(email))!;
            stored.DisplayName = "Renamed Buyer";
            return await users.UpdateAsync(stored);
        });
        Assert.Equal(stamp, (await portal.FindUserAsync(email))!.SecurityStamp);

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.DoesNotContain("Renamed Buyer", (await user.GetPageAsync("/Orders")).Body!.TextContent, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains("Renamed Buyer", (await user.GetPageAsync("/Orders")).Body!.TextContent, StringComparison.Ordinal);
        var (again, page) = await user.GetAsync("/Orders");
        Assert.Equal(System.Net.HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Renamed Buyer", page.Body!.TextContent, StringComparison.Ordinal);
    }

    private sealed class ClockedPortal(SeededPortalData data, TimeProvider clock) : PrivatePortalFactory(data)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
