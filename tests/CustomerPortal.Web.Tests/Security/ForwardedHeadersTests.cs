using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Web.Tests.Security;

// Behind a reverse proxy (Portal:KnownProxies) the per-IP sign-in limit counts each client, not the proxy;
// without it a forged X-Forwarded-For changes nothing.
public sealed class ForwardedHeadersTests(SeededPortalData data)
{
    private const string Proxy = "10.0.0.5";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ThePerAddressLimitCountsTheForwardedClientOnlyBehindAKnownProxy(bool proxyKnown)
    {
        using var portal = new ProxiedPortalFactory(data);
        portal.Set("Security:CredentialPostsPerIpPerMinute", "2");
        portal.Set("Portal:KnownProxies:0", proxyKnown ? Proxy : null);
        using var first = ClientForwardedFor(portal, "203.0.113.1");
        using var second = ClientForwardedFor(portal, "203.0.113.2");

        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.SubmitSignInFormAsync($"someone{attempt}@example.com", "Wrong-password-x")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.SubmitSignInFormAsync("someone@example.com", "Wrong-password-x")).StatusCode);
        var other = await second.SubmitSignInFormAsync("another@example.com", "Wrong-password-x");
        Assert.Equal(proxyKnown ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task AKnownProxyThatIsNotAnAddressStopsStartUpNamingTheKey()
    {
        await using var portal = new ConfiguredPortalFactory(data, ("Portal:KnownProxies:0", "proxy.internal"));

        var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains("Portal:KnownProxies", error.Message, StringComparison.Ordinal);
    }

    private static PortalClient ClientForwardedFor(PortalFactory portal, string client)
    {
        var http = portal.CreatePortalClient();
        http.Http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        http.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return http;
    }

    // The test server has no network connection: every request arrives as if from the proxy's address.
    private sealed class ProxiedPortalFactory(SeededPortalData data) : PrivatePortalFactory(data)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FromProxy>());
        }
    }

    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(Proxy);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
