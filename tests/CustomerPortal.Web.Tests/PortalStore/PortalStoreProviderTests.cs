using System.Net;
using System.Text.Json;
using CustomerPortal.PortalStore;
using CustomerPortal.Testing;
using CustomerPortal.Web.Tests.Pages.Ordering;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace CustomerPortal.Web.Tests.PortalStore;

// The portal on each portal store provider (PortalStore:Provider): what a user does with drafts works
// the same on SQLite and PostgreSQL, and with PostgreSQL several portals share one store.
public sealed class PortalStoreProviderTests(SeededPortalData data)
{
    private static readonly Uri Https = new("https://localhost");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task ABuyerSignsInStartsADraftFindsItAmongTheDraftsAndSubmitsIt(PortalStoreProvider portalStore)
    {
        using var portal = new PrivatePortalFactory(data, portalStore);
        using var buyer = portal.CreatePortalClient();
        await buyer.SignInAsync(Personas.AuthorizedUser, Personas.Password);
        var item = portal.Mirror.PricedItemNumbersOf(Personas.AuthorizedUser)[0];

        var draftId = await OrderingFlow.StartDraftAsync(buyer, requisition: "PO-STORE-1");
        Assert.Equal(HttpStatusCode.Redirect, (await OrderingFlow.AddItemAsync(buyer, draftId, item, "2")).StatusCode);
        Assert.NotNull((await buyer.GetPageAsync("/Orders/Drafts")).QuerySelector($"tr[data-draft='{draftId}']"));
        var submitted = await OrderingFlow.SubmitAsync(buyer, draftId);

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var number = submitted.Headers.Location!.OriginalString.Split('/')[2];
        Assert.NotNull((await buyer.GetPageAsync($"/Orders/{number}")).QuerySelector("#order-submitted"));
        Assert.Null((await buyer.GetPageAsync("/Orders/Drafts")).QuerySelector($"tr[data-draft='{draftId}']"));
        Assert.Equal("Healthy", await PortalStoreReadinessAsync(buyer));
    }

    [Fact]
    public async Task OnThePostgresStoreASecondPortalAcceptsTheFirstsSignInAndFormsAndSharesItsDrafts()
    {
        using var first = new PrivatePortalFactory(data, PortalStoreProvider.Postgres);
        await using var second = new ConfiguredPortalFactory(data, [.. first.Store!.PortalSettings]);
        // One browser: the same cookies go to whichever portal the load balancer picks.
        var cookies = new CookieContainer();
        using var onFirst = new PortalClient(first.CreateDefaultClient(Https, new CookieContainerHandler(cookies)));
        using var onSecond = new PortalClient(second.CreateDefaultClient(Https, new CookieContainerHandler(cookies)));
        await onFirst.SignInAsync(Personas.AuthorizedUser, Personas.Password);

        // A form rendered by the first portal (its antiforgery token) is posted to the second.
        var information = await onFirst.GetPageAsync("/Orders/New");
        var started = await onSecond.SubmitAsync(OrderingFlow.Form(information, "form[method=post]:has(#information-next)"),
            new Dictionary<string, string> { ["Input.RequestedReceiptDate"] = OrderingFlow.RequestedDate() });

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var draftId = started.Headers.Location!.OriginalString.Split('/')[3];
        Assert.NotNull((await onFirst.GetPageAsync("/Orders/Drafts")).QuerySelector($"tr[data-draft='{draftId}']"));
        Assert.NotEqual(["0"], first.Store.Strings("SELECT count(*) FROM \"DataProtectionKeys\""));
        Assert.False(Directory.Exists(Path.Combine(first.DataDirectory, "keys")), "The keys went to a folder, not to the portal store.");
    }

    [Fact]
    public async Task ReadinessReportsAPostgresStoreThatWentAwayWithoutNamingItsServer()
    {
        using var portal = new PrivatePortalFactory(data, PortalStoreProvider.Postgres);
        using var client = portal.CreatePortalClient();
        Assert.Equal("Healthy", await PortalStoreReadinessAsync(client));

        portal.Store!.Dispose();

        var response = await client.Http.GetAsync("/healthz/ready", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await PortalStoreReadinessAsync(client));
        var report = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Portal store unreadable: PostgreSQL error 3D000", report, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", report, StringComparison.Ordinal);
    }

    private static async Task<string?> PortalStoreReadinessAsync(PortalClient client)
    {
        var response = await client.Http.GetAsync("/healthz/ready", Ct);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return report.RootElement.GetProperty("checks").EnumerateArray()
            .Single(check => check.GetProperty("name").GetString() == "portal-store").GetProperty("status").GetString();
    }
}
