using System.Threading.RateLimiting;
using CustomerPortal.Web.DataSource;
using Microsoft.AspNetCore.Diagnostics;

namespace CustomerPortal.Web.Security;

// How many requests the portal works on at once; the others wait their turn, oldest first (issue 16).
// On the SQLite mirror a page is CPU work from start to end (SQLite answers synchronously on the request's
// thread), so 64 requests at once on two cores only share the cores 64 ways: each finishes late, a thread is
// blocked for each, and the slowest wait longest. Taken a few at a time, a request takes its wait plus its own
// work, so the slowest answers come closer to the median and the cores do the same work.
// Against Dataverse a request mostly waits for the Web API, so there is no limit by default: the outgoing calls
// have their own (DataverseResilience). Health probes and the status pages of requests already let in never wait.
public sealed partial class RequestAdmission : IDisposable
{
    // Far more than any legitimate load keeps waiting; past it the portal answers 503 rather than grow the queue.
    public const int DefaultQueueLimit = 1000;

    private readonly ConcurrencyLimiter? _limiter;
    private readonly ILogger<RequestAdmission> _logger;

    public RequestAdmission(int? permitLimit, int queueLimit, ILogger<RequestAdmission> logger)
    {
        if (queueLimit < 0)
        {
            throw new InvalidOperationException($"Portal:RequestQueueLimit is {queueLimit}; use 0 or a positive number.");
        }

        _logger = logger;
        PermitLimit = permitLimit is > 0 ? permitLimit : null;
        QueueLimit = queueLimit;
        _limiter = PermitLimit is { } limit
            ? new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = limit,
                QueueLimit = queueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : null;
    }

    // Null: no limit.
    public int? PermitLimit { get; }

    public int QueueLimit { get; }

    // Requests being worked on and waiting, now; null without a limit.
    public RateLimiterStatistics? Statistics => _limiter?.GetStatistics();

    // Portal:MaxConcurrentRequests when set (0: no limit); else twice the processor count on the mirror, none on Dataverse.
    public static int? PermitLimitFor(int? configured, DataSourceProvider provider, int processorCount) => configured switch
    {
        > 0 => configured,
        0 => null,
        < 0 => throw new InvalidOperationException($"Portal:MaxConcurrentRequests is {configured}; use a positive number, or 0 for no limit."),
        null => provider == DataSourceProvider.Sqlite ? 2 * processorCount : null,
    };

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (_limiter is null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Request.Path.StartsWithSegments("/healthz"))
        {
            await next(context);
            return;
        }

        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left while waiting: nobody is there to answer.
            return;
        }

        using (lease)
        {
            if (!lease.IsAcquired)
            {
                LogQueueFull(_logger, QueueLimit);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "5";
                return;
            }

            await next(context);
        }
    }

    public void Dispose() => _limiter?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{QueueLimit} requests were already waiting their turn: one more was answered 503.")]
    private static partial void LogQueueFull(ILogger logger, int queueLimit);
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
        var queue = app.ApplicationServices.GetRequiredService<RequestAdmission>();
        return app.Use((context, next) => queue.InvokeAsync(context, next));
    }
}
