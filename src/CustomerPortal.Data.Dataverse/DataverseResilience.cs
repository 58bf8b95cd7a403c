using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CustomerPortal.Data.Dataverse;

// Dataverse service protection and transient failures, as one resilience pipeline on the Web API client.
// Outermost first: the call's time budget, retries, each attempt's timeout (RequestTimeout), the cap on requests in
// flight (MaxConcurrentRequests). Retries wait outside the cap; every attempt takes a slot.
// The budget (MaxRetryDuration) bounds the waits: a retry whose wait would end past it is not made and the last
// answer stands, so a page under throttling says "unavailable" at once instead of at the end of the budget.
internal static class DataverseResilience
{
    private static readonly ResiliencePropertyKey<long> StartedAt = new("dataverse-started-at");
    private static readonly ResiliencePropertyKey<TimeSpan> NextWait = new("dataverse-next-wait");
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(8);

    public static IHttpClientBuilder AddDataverseResilience(this IHttpClientBuilder client)
    {
        client.AddResilienceHandler("dataverse", (pipeline, context) =>
        {
            var settings = context.ServiceProvider.GetRequiredService<IOptions<DataverseOptions>>().Value;
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            pipeline.AddTimeout(new HttpTimeoutStrategyOptions
            {
                Name = "budget",
                // Called once as the call starts: the moment the budget is counted from. The hard stop leaves the
                // last attempt, started within the budget, its own timeout.
                TimeoutGenerator = args =>
                {
                    args.Context.Properties.Set(StartedAt, time.GetTimestamp());
                    return ValueTask.FromResult(settings.MaxRetryDuration + settings.RequestTimeout);
                },
            });
            if (settings.MaxRetries > 0)
            {
                // Every method is retried, POST included: the submit's deep insert names its own ids, so a retry
                // after a lost answer is refused as a duplicate and read back as already submitted.
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = settings.MaxRetries,
                    // Whether to retry depends on the wait (does it fit the budget?), and the library draws its
                    // jittered back-off only after deciding; so the wait is chosen here and handed on.
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args, settings, time)),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(NextWait, BaseDelay)),
                });
            }

            pipeline.AddTimeout(settings.RequestTimeout);
            pipeline.AddConcurrencyLimiter(settings.MaxConcurrentRequests, int.MaxValue);
        });
        return client;
    }

    private static bool ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args, DataverseOptions settings, TimeProvider time)
    {
        if (!IsTransient(args.Outcome))
        {
            return false;
        }

        var wait = RetryAfter(args.Outcome.Result, time) ?? BackOff(args.AttemptNumber);
        if (args.Context.Properties.TryGetValue(StartedAt, out var started) && time.GetElapsedTime(started) + wait > settings.MaxRetryDuration)
        {
            return false;
        }

        args.Context.Properties.Set(NextWait, wait);
        return true;
    }

    // 429, 502/503/504, connection failures and attempt timeouts; other 4xx (and 500, a server-side bug) never are.
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };

    // Retry-After in seconds or as an HTTP date (read against the injected clock, where the library's own
    // Retry-After support reads the system clock).
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    // Exponential back-off with jitter: uniformly random in the upper half of 0.5 s, 1 s, 2 s, … 8 s.
    private static TimeSpan BackOff(int attempt)
    {
        var ceiling = Math.Min(MaxBackOff.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}
