using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Audit;
using CustomerPortal.Web.Tests.Instances;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerPortal.Web.Tests;

// The real portal, configured the way run.sh configures it, over the seeded demo data directory.
// Settings go through UseSetting because Program reads them while building the host.
public class PortalFactory(SeededPortalData data) : WebApplicationFactory<Program>
{
    public SeededPortalData Data { get; } = data;

    public MirrorQueries Mirror { get; } = MirrorQueries.Open(data.MirrorPath);

    public ServerLog ServerLog { get; } = new();

    // The users' "today" in every test portal (Portal:Today): the day seed/demo.json dates its orders around,
    // so late and due-soon orders stay what the seed made them whatever the real date.
    public static DateOnly Today { get; } = new(2026, 11, 1);

    protected Dictionary<string, string?> Settings { get; } = new()
    {
        ["DataSource:Provider"] = "Sqlite",
        ["Portal:DemoMode"] = "true",
        ["Portal:Today"] = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Default"] = "Warning",
        [$"Logging:LogLevel:{ServerLog.SessionCategory}"] = "Information",
        // Test classes sign in many times a minute from one address; the limits have their own tests.
        ["Security:CredentialPostsPerIpPerMinute"] = "10000",
        ["Security:CredentialPostsPerAccountPerMinute"] = "10000",
        // The worker writes to the portal store and reads the data source every poll; its own tests turn it on.
        ["StatusMails:Enabled"] = "false",
        // Production turns EF Core's check off for speed; the tests keep it, so a page that starts two queries at once
        // on one context fails here rather than misbehave for customers.
        ["Portal:ThreadSafetyChecks"] = "true",
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

        builder.ConfigureLogging(logging => logging.AddProvider(ServerLog));
    }

    // A client that keeps cookies and does not follow redirects, so tests can see where they point.
    // https, because outside Development the portal's cookies are Secure and a client keeps them for https only.
    public PortalClient CreatePortalClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") }), ServerLog);

    // A customer persona signed in (demo password), optionally asking for pages in another language.
    public async Task<PortalClient> SignedInClientAsync(string email, string? culture = null)
    {
        var client = CreatePortalClient();
        if (culture is not null)
        {
            client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        }

        await client.SignInAsync(email, Personas.Password);
        return client;
    }

    // A client whose cookies are kept in the jar, so a test can copy them as someone who took the cookie would.
    public PortalClient CreatePortalClient(CookieJar cookies) =>
        new(CreateDefaultClient(new Uri("https://localhost"), new CookieJarHandler(cookies)), ServerLog);

    // A user of its own, for tests that lock out or change a user: the demo personas stay untouched.
    // Linked to the contact of linkedToContactOf (a demo persona's e-mail) when given, with that role.
    public async Task<string> CreateUserAsync(string password, string? role = null, string? linkedToContactOf = null)
    {
        var email = $"test-{Guid.NewGuid():N}@tests.example";
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Test User",
            ContactId = linkedToContactOf is null ? null : Guid.Parse(Mirror.ContactByEmail(linkedToContactOf).ContactId),
        };

        Succeeded(await users.CreateAsync(user, password));
        if (role is not null)
        {
            Succeeded(await users.AddToRoleAsync(user, role));
        }

        return email;

        static void Succeeded(IdentityResult result) =>
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public async Task<bool> IsLockedOutAsync(string email)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
    }

    // What the portal store holds, read through its feature stores and Identity as the pages read it, so a
    // test reads the same on SQLite and PostgreSQL: await portal.ReadStoreAsync(s => s.GetRequiredService<AuditTrail>()...).
    public async Task<T> ReadStoreAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider);
    }

    public Task<PortalUser?> FindUserAsync(string email) =>
        ReadStoreAsync(s => s.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email));

    // The actions of the newest audit entries, newest first.
    public Task<List<string>> AuditActionsAsync() =>
        ReadStoreAsync(async s => (await s.GetRequiredService<AuditTrail>().ListLatestAsync(100, TestContext.Current.CancellationToken)).Select(e => e.Action).ToList());

    // After UseKestrel and StartServer: the address Kestrel actually listens on (port 0 picks a free one).
    public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
}

// A portal with some settings changed, for start-up and configuration tests. Not a fixture: create and dispose it in the test.
public sealed class ConfiguredPortalFactory : PortalFactory
{
    public ConfiguredPortalFactory(SeededPortalData data, params (string Key, string? Value)[] settings)
        : base(data)
    {
        foreach (var (key, value) in settings)
        {
            Settings[key] = value;
        }
    }
}
