using System.Net;
using CustomerPortal.DualWrite;
using CustomerPortal.Testing;
using CustomerPortal.Web.Tests.Pages.Ordering;
using CustomerPortal.Web.Tests.Security;

namespace CustomerPortal.Web.Tests.Instances;

// Several instances of the portal (issue 9): whichever process the load balancer picks, a user stays
// signed in, keeps their drafts and their lockout count, and concurrent submits never share an order number.
public sealed class TwoPortalProcessesTests(TwoPortalProcesses portals) : IClassFixture<TwoPortalProcesses>
{
    private const string SubmittedOrderPath = "^/Orders/[A-Z0-9-]+$";
    private static readonly PortalTexts Text = PortalTexts.English;

    private PortalProcess A => Started(portals.A);

    private PortalProcess B => Started(portals.B);

    [Fact]
    public async Task ASignInOnOneProcessOpensTheOrdersOnTheOther()
    {
        var browser = new CookieJar();
        using var onA = A.CreateClient(browser);
        using var onB = B.CreateClient(browser);
        await onA.SignInAsync(Personas.AuthorizedUser, Personas.Password);

        var (response, orders) = await onB.GetAsync("/Orders");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/Orders on the second process answered {(int)response.StatusCode} {response.Headers.Location}.");
        Assert.Empty(orders.QuerySelectorAll("input[name='Input.Password']"));
    }

    [Fact]
    public async Task SignOutOnOneProcessRefusesACopyOfTheCookieOnTheOtherAtItsNextRequest()
    {
        var browser = new CookieJar();
        using var onA = A.CreateClient(browser);
        await onA.SignInAsync(Personas.Representative, Personas.Password);
        using var copyOnB = B.CreateClient(browser.Copy());
        Assert.Equal(HttpStatusCode.OK, (await copyOnB.GetAsync("/Orders")).Response.StatusCode);

        await SessionEndTests.SignOutAsync(onA);

        var (refused, _) = await copyOnB.GetAsync("/Orders");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/Identity/Account/Login", new Uri(new Uri(B.BaseUrl), refused.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task ADraftStartedOnOneProcessIsContinuedAndSubmittedOnTheOther()
    {
        var browser = new CookieJar();
        using var onA = A.CreateClient(browser);
        using var onB = B.CreateClient(browser);
        await onA.SignInAsync(Personas.AuthorizedUser, Personas.Password);
        var item = portals.Mirror.PricedItemNumbersOf(Personas.AuthorizedUser)[0];

        Assert.Equal(Text["Cart.None"], await HeaderTextAsync(onB));

        var draftId = await OrderingFlow.StartDraftAsync(onA, requisition: "PO-TWO-PROCESSES");
        // Each process's header reuses what it read of the draft only while the store says the user's drafts are
        // unchanged (issue 16): what the other process did is in the header at the next page.
        Assert.Equal(Text["Order.LineCountMany", "0"], await HeaderTextAsync(onA));
        Assert.Equal(Text["Order.LineCountMany", "0"], await HeaderTextAsync(onB));
        Assert.Equal(HttpStatusCode.Redirect, (await OrderingFlow.AddItemAsync(onB, draftId, item, "3")).StatusCode);
        Assert.StartsWith(Text["Order.LineCountOne", "1"], await HeaderTextAsync(onA), StringComparison.Ordinal);
        var submitted = await OrderingFlow.SubmitAsync(onB, draftId);

        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, $"Submit on the second process answered {(int)submitted.StatusCode}. {B.Output}");
        Assert.Equal(Text["Cart.None"], await HeaderTextAsync(onA));
        var number = submitted.Headers.Location!.OriginalString.Split('/')[2];
        var order = portals.Mirror.Order(number);
        Assert.Equal("PO-TWO-PROCESSES", order.RequisitionNumber);
        Assert.Equal([item], portals.Mirror.Lines(number).Select(l => l.ItemNumber));
    }

    private static async Task<string> HeaderTextAsync(PortalClient client) =>
        (await client.GetPageAsync("/Orders")).QuerySelector("#current-draft .current-draft-text")!.TextContent.Trim();

    [Fact]
    public async Task WrongPasswordsOnBothProcessesTogetherLockTheAccount()
    {
        using var attackerOnA = A.CreateClient(new CookieJar());
        using var attackerOnB = B.CreateClient(new CookieJar());

        var messages = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await (attempt % 2 == 1 ? attackerOnA : attackerOnB).SubmitSignInFormAsync(Personas.OtherCustomer, "Wrong-Password-" + attempt);
            messages.Add(await AlertAsync(wrong));
        }

        var right = await attackerOnB.SubmitSignInFormAsync(Personas.OtherCustomer, Personas.Password);

        Assert.Equal(Enumerable.Repeat(Text["Login.Invalid"], 4), messages.Take(4));
        Assert.Equal(Text["Login.LockedOut"], messages[4]);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(Text["Login.LockedOut"], await AlertAsync(right));
    }

    [Fact]
    public async Task FortyConcurrentSubmitsOverBothProcessesGiveFortyOrdersWithDistinctNumbers()
    {
        var browser = new CookieJar();
        using var onA = A.CreateClient(browser);
        using var onB = B.CreateClient(browser);
        await onA.SignInAsync(Personas.AuthorizedUser, Personas.Password);
        var item = portals.Mirror.PricedItemNumbersOf(Personas.AuthorizedUser)[0];
        var drafts = new List<Guid>();
        foreach (var draft in Enumerable.Range(1, 40))
        {
            var client = draft % 2 == 0 ? onA : onB;
            var draftId = await OrderingFlow.StartDraftAsync(client, requisition: $"PO-CONCURRENT-{draft:00}");
            Assert.Equal(HttpStatusCode.Redirect, (await OrderingFlow.AddItemAsync(client, draftId, item, "1")).StatusCode);
            drafts.Add(draftId);
        }

        // Every review page first, then all the submits at once: half through each process.
        var reviews = await Task.WhenAll(drafts.Select(async (draftId, i) =>
            (Client: i % 2 == 0 ? onA : onB, Page: await (i % 2 == 0 ? onA : onB).GetPageAsync($"/Orders/Drafts/{draftId}/Review"))));
        var submits = await Task.WhenAll(reviews.Select(r => r.Client.SubmitAsync(OrderingFlow.Form(r.Page, "#submit-form"))));

        var failed = submits.Where(s => s.StatusCode != HttpStatusCode.Redirect).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of 40 submits failed ({string.Join(", ", failed.Select(f => (int)f.StatusCode))}). A: {A.Output} B: {B.Output}");
        var numbers = submits.Select(s => s.Headers.Location!.OriginalString).ToList();
        Assert.All(numbers, location => Assert.Matches(SubmittedOrderPath, location));
        Assert.Equal(40, numbers.Distinct().Count());
        var mirrored = portals.Mirror.Read(db => db.Set<SalesOrderRow>()
            .Where(o => o.RequisitionNumber != null && o.RequisitionNumber.StartsWith("PO-CONCURRENT-"))
            .Select(o => o.OrderNumber).ToList());
        Assert.Equal(40, mirrored.Count);
        Assert.Equal(40, mirrored.Distinct().Count());
        Assert.Empty(portals.Mirror.Read(db => db.Set<SalesOrderRow>().GroupBy(o => new { o.CompanyId, o.OrderNumber })
            .Where(g => g.Count() > 1).Select(g => g.Key.OrderNumber).ToList()));
    }

    [Fact]
    public async Task WithRedisAColdProcessServesTheProductsWithFewerDataverseRequestsThanOneWithout()
    {
        var redis = TwoPortalProcesses.RedisOrSkip();
        var browser = new CookieJar();
        using var onA = A.CreateClient(browser);
        await onA.SignInAsync(Personas.AuthorizedUser, Personas.Password);
        await onA.GetPageAsync("/Products");
        using var withRedis = portals.StartAnother();
        using var withoutRedis = portals.StartAnother(withRedis: false);
        await Task.WhenAll(withRedis.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)), withoutRedis.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)));

        var (requestsWithout, setsWithout) = await ProductPageRequestsAsync(withoutRedis, browser);
        var (requestsWith, setsWith) = await ProductPageRequestsAsync(withRedis, browser);

        Assert.True(requestsWith < requestsWithout,
            $"A cold process asked Dataverse {requestsWith} times with Redis ({setsWith}) and {requestsWithout} times without ({setsWithout}): the reference data did not come from Redis.");
        using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis);
        var keys = connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "CustomerPortal:dataverse:*").Select(k => k.ToString()).ToList();
        Assert.Contains("CustomerPortal:dataverse:currencies", keys);
    }

    // The Web API requests one products page costs on a process (the emulator counts them).
    private async Task<(long Count, string BySet)> ProductPageRequestsAsync(PortalProcess process, CookieJar browser)
    {
        using var client = process.CreateClient(browser);
        await client.GetPageAsync("/Account");
        await portals.Emulator!.ResetRequestCountAsync();
        await client.GetPageAsync("/Products");
        return (await portals.Emulator.RequestCountAsync(), await portals.Emulator.RequestsBySetAsync());
    }

    private static async Task<string> AlertAsync(HttpResponseMessage response) =>
        (await PortalClient.ParseAsync(response)).QuerySelector("[role=alert]")?.TextContent.Trim() ?? $"(no alert, {(int)response.StatusCode})";

    // Skips (or fails in CI) when PostgreSQL is not configured: the fixture then started nothing.
    private static PortalProcess Started(PortalProcess? process)
    {
        TestPortalStore.ServerConnectionString();
        return process!;
    }
}
