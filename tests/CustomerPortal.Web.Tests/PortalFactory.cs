using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerPortal.Web.Tests;

// The real portal, configured the way run.sh configures it, over the seeded demo data directory.
// Settings go through UseSetting because Program reads them while building the host.
public class PortalFactory(SeededPortalData data) : WebApplicationFactory<Program>
{
    public SeededPortalData Data { get; } = data;

    protected Dictionary<string, string?> Settings { get; } = new()
    {
        ["DataSource:Provider"] = "Sqlite",
        ["Portal:DemoMode"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
        // Test classes sign in many times a minute from one address; the limits have their own tests.
        ["Security:CredentialPostsPerIpPerMinute"] = "10000",
        ["Security:CredentialPostsPerAccountPerMinute"] = "10000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, so the tests see what customers see (friendly error pages, no developer pages).
        builder.UseEnvironment("Production");
        builder.UseSetting("Portal:DataDirectory", Data.DataDirectory);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    // A client that keeps cookies and does not follow redirects, so tests can see where they point.
    // https, because outside Development the portal's cookies are Secure and a client keeps them for https only.
    public PortalClient CreatePortalClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") }));
}
