using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CustomerPortal.Web.DataSource;
using CustomerPortal.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Web.Tests.Security;

// The request admission (Security/RequestAdmission.cs): the portal works on a few requests at once and the
// others wait their turn; past the waiting room a visitor gets the friendly "temporarily unavailable" page,
// while health probes are always answered.
public sealed class RequestAdmissionTests(SeededPortalData data)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void TheMirrorWorksOnTwiceItsProcessorsAtOnceAndDataverseHasNoLimitUnlessConfigured()
    {
        Assert.Equal(4, RequestAdmission.PermitLimitFor(null, DataSourceProvider.Sqlite, processorCount: 2));
        Assert.Null(RequestAdmission.PermitLimitFor(null, DataSourceProvider.Dataverse, processorCount: 2));
        Assert.Equal(16, RequestAdmission.PermitLimitFor(16, DataSourceProvider.Dataverse, processorCount: 2));
        Assert.Null(RequestAdmission.PermitLimitFor(0, DataSourceProvider.Sqlite, processorCount: 2));
        var refused = Assert.Throws<InvalidOperationException>(() => RequestAdmission.PermitLimitFor(-1, DataSourceProvider.Sqlite, processorCount: 2));
        Assert.Contains("Portal:MaxConcurrentRequests", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestWaitsForItsTurnAndIsThenAnswered()
    {
        using var portal = new ConfiguredPortalFactory(data, ("Portal:MaxConcurrentRequests", "1"));
        using var client = portal.CreatePortalClient();
        using var held = new HeldBody();
        var holding = client.Http.PostAsync("/Identity/Account/Login", held, Ct);
        await WaitUntilAsync(portal, s => s.CurrentAvailablePermits == 0);

        var waiting = client.Http.GetAsync("/Identity/Account/Login", Ct);
        await WaitUntilAsync(portal, s => s.CurrentQueuedCount == 1);
        Assert.False(waiting.IsCompleted, "The second request was answered while the only turn was taken.");

        held.Release();
        using var first = await holding;
        using var second = await waiting;
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    public async Task PastTheWaitingRoomAVisitorGetsTheUnavailablePageAndHealthProbesStillAnswer(string culture)
    {
        using var portal = new ConfiguredPortalFactory(data, ("Portal:MaxConcurrentRequests", "1"), ("Portal:RequestQueueLimit", "0"));
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        using var held = new HeldBody();
        var holding = client.Http.PostAsync("/Identity/Account/Login", held, Ct);
        await WaitUntilAsync(portal, s => s.CurrentAvailablePermits == 0);

        using var refused = await client.Http.GetAsync("/Identity/Account/Login", Ct);
        using var health = await client.Http.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Equal(PortalTexts.For(culture)["Status.Unavailable.Heading"], page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        held.Release();
        using var first = await holding;
        using var after = await client.Http.GetAsync("/Identity/Account/Login", Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task ANegativeLimitStopsStartUpNamingTheKey()
    {
        using var portal = new ConfiguredPortalFactory(data, ("Portal:RequestQueueLimit", "-1"));

        var refused = await Assert.ThrowsAnyAsync<Exception>(async () => await portal.CreateClient().GetAsync("/healthz", Ct));
        Assert.Contains("Portal:RequestQueueLimit", refused.ToString(), StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(ConfiguredPortalFactory portal, Func<System.Threading.RateLimiting.RateLimiterStatistics, bool> condition)
    {
        var admission = portal.Services.GetRequiredService<RequestAdmission>();
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (!condition(admission.Statistics!))
        {
            Assert.True(DateTime.UtcNow < giveUp, "The portal never reached the expected number of requests worked on and waiting.");
            await Task.Delay(10, Ct);
        }
    }

    // A form post whose body arrives only when the test says so: the portal reads every posted form before
    // the pages do (RequestLimits), so the post holds its turn until then.
    private sealed class HeldBody : HttpContent
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldBody() => Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        public void Release() => _release.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("Input.Email=held"));
            await stream.FlushAsync();
            await _release.Task;
            await stream.WriteAsync(Encoding.ASCII.GetBytes("%40example.test"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            _release.TrySetResult();
            base.Dispose(disposing);
        }
    }
}
