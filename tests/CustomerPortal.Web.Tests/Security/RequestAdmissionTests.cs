using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CustomerPortal.Web.DataSource;
using CustomerPortal.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerPortal.Web.Tests.Security;

// The request admission (Security/RequestAdmission.cs): the portal works on a few requests at once and the
// others wait their turn; past the waiting room a visitor gets the friendly "temporarily unavailable" page,
// while health probes are always answered.
public sealed class RequestAdmissionTests(SeededPortalData data)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void TheMirrorWorksOnOneRequestPerProcessorAndAtLeastTwoAndDataverseHasNoLimitUnlessConfigured()
    {
        Assert.Equal(2, RequestAdmission.PermitLimitFor(null, DataSourceProvider.Sqlite, processorCount: 2));
        Assert.Equal(8, RequestAdmission.PermitLimitFor(null, DataSourceProvider.Sqlite, processorCount: 8));
        Assert.Equal(2, RequestAdmission.PermitLimitFor(null, DataSourceProvider.Sqlite, processorCount: 1));
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
        var admission = portal.Services.GetRequiredService<RequestAdmission>();
        using var otherRequest = await admission.WaitTurnAsync(Ct);

        var waiting = client.Http.GetAsync("/Identity/Account/Login", Ct);
        await WaitUntilAsync(admission, s => s.CurrentQueuedCount == 1);
        Assert.False(waiting.IsCompleted, "The request was answered while the only turn was taken.");

        otherRequest.Dispose();
        using var answered = await waiting;
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(1, admission.Statistics!.CurrentAvailablePermits);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    public async Task PastTheWaitingRoomAVisitorGetsTheUnavailablePageAndHealthProbesStillAnswer(string culture)
    {
        using var portal = new ConfiguredPortalFactory(data, ("Portal:MaxConcurrentRequests", "1"), ("Portal:RequestQueueLimit", "0"));
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var admission = portal.Services.GetRequiredService<RequestAdmission>();
        using var otherRequest = await admission.WaitTurnAsync(Ct);

        using var refused = await client.Http.GetAsync("/Identity/Account/Login", Ct);
        using var health = await client.Http.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Equal(PortalTexts.For(culture)["Status.Unavailable.Heading"], page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(portal.ServerLog.Entries, e => e.Contains("0 requests were already waiting their turn: 1 more were answered 503", StringComparison.Ordinal));

        otherRequest.Dispose();
        using var after = await client.Http.GetAsync("/Identity/Account/Login", Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task StaticFilesAndTheBrandThemeNeverWait()
    {
        using var portal = new ConfiguredPortalFactory(data, ("Portal:MaxConcurrentRequests", "1"), ("Portal:RequestQueueLimit", "0"));
        using var client = portal.CreatePortalClient();
        var admission = portal.Services.GetRequiredService<RequestAdmission>();
        using var otherRequest = await admission.WaitTurnAsync(Ct);

        using var stylesheet = await client.Http.GetAsync("/css/site.css", Ct);
        using var theme = await client.Http.GetAsync("/brand/theme.css", Ct);

        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, theme.StatusCode);
    }

    [Fact]
    public async Task AVisitorWhoLeavesWhileWaitingGivesUpTheirPlace()
    {
        using var portal = new ConfiguredPortalFactory(data, ("Portal:MaxConcurrentRequests", "1"), ("Portal:RequestQueueLimit", "1"));
        using var client = portal.CreatePortalClient();
        var admission = portal.Services.GetRequiredService<RequestAdmission>();
        using var otherRequest = await admission.WaitTurnAsync(Ct);
        using var leaving = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var left = client.Http.GetAsync("/Identity/Account/Login", leaving.Token);
        await WaitUntilAsync(admission, s => s.CurrentQueuedCount == 1);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left);
        await WaitUntilAsync(admission, s => s.CurrentQueuedCount == 0);

        // The place is free again: the next visitor waits instead of being refused.
        var next = client.Http.GetAsync("/Identity/Account/Login", Ct);
        await WaitUntilAsync(admission, s => s.CurrentQueuedCount == 1);
        otherRequest.Dispose();
        using var answered = await next;
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    // A request still at work after the longest turn (waiting on a mail relay, say) lets the next one in.
    [Fact]
    public async Task ARequestAwaitingSomethingSlowGivesItsTurnBackAfterTheLongestTurn()
    {
        using var admission = new RequestAdmission(1, 1, NullLogger<RequestAdmission>.Instance, TimeSpan.FromMilliseconds(50));
        var slowDependency = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondLetIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var slow = admission.InvokeAsync(new DefaultHttpContext(), _ => slowDependency.Task);
        var second = admission.InvokeAsync(new DefaultHttpContext(), _ =>
        {
            secondLetIn.TrySetResult();
            return Task.CompletedTask;
        });

        await secondLetIn.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.False(slow.IsCompleted);
        await second;
        slowDependency.SetResult();
        await slow;
        Assert.Equal(1, admission.Statistics!.CurrentAvailablePermits);
    }

    // A client that trickles its form in holds its connection, not a turn: the form is read before the turn is taken.
    [Fact]
    public async Task AFormStillArrivingHoldsNoTurn()
    {
        using var portal = new ConfiguredPortalFactory(data, ("Portal:MaxConcurrentRequests", "1"), ("Portal:RequestQueueLimit", "0"));
        using var client = portal.CreatePortalClient();
        var admission = portal.Services.GetRequiredService<RequestAdmission>();
        using var held = new HeldBody();
        var posting = client.Http.PostAsync("/Identity/Account/Login", held, Ct);
        await held.Started.WaitAsync(Ct);
        // Were the turn taken before the form is read, the post would take it now, while its body is still held.
        var giveUp = DateTime.UtcNow.AddSeconds(1);
        while (admission.Statistics!.CurrentAvailablePermits == 1 && DateTime.UtcNow < giveUp)
        {
            await Task.Delay(10, Ct);
        }

        using var answered = await client.Http.GetAsync("/Identity/Account/Login", Ct);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        held.Release();
        using var posted = await posting;
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, posted.StatusCode);
    }

    [Fact]
    public async Task ANegativeLimitStopsStartUpNamingTheKey()
    {
        using var portal = new ConfiguredPortalFactory(data, ("Portal:RequestQueueLimit", "-1"));

        var refused = await Assert.ThrowsAnyAsync<Exception>(async () => await portal.CreateClient().GetAsync("/healthz", Ct));
        Assert.Contains("Portal:RequestQueueLimit", refused.ToString(), StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(RequestAdmission admission, Func<System.Threading.RateLimiting.RateLimiterStatistics, bool> condition)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (!condition(admission.Statistics!))
        {
            Assert.True(DateTime.UtcNow < giveUp, "The portal never reached the expected number of requests worked on and waiting.");
            await Task.Delay(10, Ct);
        }
    }

    // A form post whose body arrives only when the test says so.
    private sealed class HeldBody : HttpContent
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldBody() => Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        public Task Started => _started.Task;

        public void Release() => _release.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("Input.Email=held"));
            await stream.FlushAsync();
            _started.TrySetResult();
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
