using System.Threading.RateLimiting;
using CustomerPortal.Web.DataSource;
using Microsoft.AspNetCore.Diagnostics;

namespace CustomerPortal.Web.Security;

// How many requests the portal works on at once; the others wait their turn, oldest first (issue 16).
// On the SQLite mirror a page is CPU work from start to end (SQLite answers synchronously on the request's
// thread), so 64 requests at once on two cores only share the cores 64 ways: each finishes late, a thread is
// blocked for each, and the slowest wait longest. Taken a few at a time, a request takes its wait plus its own
// work, so the slowest answers come closer to the median and the cores do the same work. One request per processor,
// two at least, so one slow request cannot stall every other for up to a second (the longest turn). Measured on two
// cores, 2 turns against 4: p99 at 16 connections lower in 17 of 18 alternating runs (its mean by 12-22 % per page),
// the same CPU per request, and 21-28 MB less peak memory.
// Against Dataverse a request mostly waits for the Web API, so there is no limit by default: the outgoing calls
// have their own (DataverseResilience). Health probes and status and error pages never wait.
public sealed partial class RequestAdmission : IDisposable
{
    // Far more than any legitimate load keeps waiting; past it the portal answers 503 rather than grow the queue.
    public const int DefaultQueueLimit = 1000;

    // A page takes milliseconds of CPU; a request still working after this is waiting on something else (a mail relay,
    // a busy database) and gives its turn back, so a slow dependency cannot stall every page behind a few requests.
    public static readonly TimeSpan DefaultLongestTurn = TimeSpan.FromSeconds(1);

    // Under overload every refusal would log a line: one line at most this often, with the count.
    private static readonly TimeSpan RefusalLogInterval = TimeSpan.FromSeconds(10);

    private readonly ConcurrencyLimiter? _limiter;
    private readonly ILogger<RequestAdmission> _logger;
    private readonly TimeSpan _longestTurn;
    private readonly int _queueLimit;
    private long _refusedSinceLogged;
    private long _refusalLoggedAt;

    public RequestAdmission(int? permitLimit, int queueLimit, ILogger<RequestAdmission> logger, TimeSpan? longestTurn = null)
    {
        if (queueLimit < 0)
        {
            throw new InvalidOperationException($"Portal:RequestQueueLimit is {queueLimit}; use 0 or a positive number.");
        }

        _logger = logger;
        _longestTurn = longestTurn ?? DefaultLongestTurn;
        _queueLimit = queueLimit;
        _limiter = permitLimit is int limit and > 0
            ? new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = limit,
                QueueLimit = queueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : null;
    }

    // Requests being worked on and waiting, now; null without a limit.
    public RateLimiterStatistics? Statistics => _limiter?.GetStatistics();

    // Portal:MaxConcurrentRequests when set (0: no limit); else the processor count (at least 2) on the mirror, none on Dataverse.
    public static int? PermitLimitFor(int? configured, DataSourceProvider provider, int processorCount) => configured switch
    {
        > 0 => configured,
        0 => null,
        < 0 => throw new InvalidOperationException($"Portal:MaxConcurrentRequests is {configured}; use a positive number, or 0 for no limit."),
        null => provider == DataSourceProvider.Sqlite ? Math.Max(2, processorCount) : null,
    };

    // A turn, as the middleware takes one: tests take the only turn to see what a request that finds none meets.
    public ValueTask<RateLimitLease> WaitTurnAsync(CancellationToken cancellationToken) =>
        _limiter?.AcquireAsync(1, cancellationToken) ?? throw new InvalidOperationException("There is no limit, so there are no turns.");

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (_limiter is null || IsStatusOrErrorPage(context) || context.Request.Path.StartsWithSegments("/healthz"))
        {
            await next(context);
            return;
        }

        RateLimitLease lease;
        try
        {
            lease = await WaitTurnAsync(context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left while waiting: nobody is there to answer.
            return;
        }
        catch (ObjectDisposedException)
        {
            // The portal is stopping.
            Refuse(context);
            return;
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            LogRefusal();
            Refuse(context);
            return;
        }

        // The turn ends when the answer starts: a page is rendered by then, and what is left is sending it. A client
        // that reads slowly then holds its connection, not a turn (nor does one that posts slowly: the form is read
        // before the turn is taken, see Program.cs). It also ends after the longest turn, whatever the request awaits.
        var ended = 0;
        void EndTurn()
        {
            if (Interlocked.Exchange(ref ended, 1) == 0)
            {
                lease.Dispose();
            }
        }

        using var longest = new Timer(static state => ((Action)state!)(), (Action)EndTurn, _longestTurn, Timeout.InfiniteTimeSpan);
        try
        {
            context.Response.OnStarting(() =>
            {
                EndTurn();
                return Task.CompletedTask;
            });
            await next(context);
        }
        finally
        {
            EndTurn();
        }
    }

    public void Dispose() => _limiter?.Dispose();

    // Re-executed for a status code (StatusCodePages, the 503 below included) or an exception (the error page).
    private static bool IsStatusOrErrorPage(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;

    // The "temporarily unavailable" status page follows (StatusCodePages).
    private static void Refuse(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
    }

    private void LogRefusal()
    {
        Interlocked.Increment(ref _refusedSinceLogged);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _refusalLoggedAt);
        if ((last == 0 || now - last >= (long)RefusalLogInterval.TotalMilliseconds) && Interlocked.CompareExchange(ref _refusalLoggedAt, now, last) == last)
        {
            LogQueueFull(_logger, _queueLimit, Interlocked.Exchange(ref _refusedSinceLogged, 0), (int)RefusalLogInterval.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{QueueLimit} requests were already waiting their turn: {Refused} more were answered 503 (logged at most every {Seconds} s).")]
    private static partial void LogQueueFull(ILogger logger, int queueLimit, long refused, int seconds);
}

public static class RequestAdmissionExtensions
{
    public static IServiceCollection AddRequestAdmission(this IServiceCollection services, PortalOptions portal, DataSourceProvider provider) =>
        services.AddSingleton(serviceProvider => new RequestAdmission(
            RequestAdmission.PermitLimitFor(portal.MaxConcurrentRequests, provider, Environment.ProcessorCount),
            portal.RequestQueueLimit,
            serviceProvider.GetRequiredService<ILogger<RequestAdmission>>()));

    public static IApplicationBuilder UseRequestAdmission(this IApplicationBuilder app)
    {
        var admission = app.ApplicationServices.GetRequiredService<RequestAdmission>();
        return app.Use((context, next) => admission.InvokeAsync(context, next));
    }
}
