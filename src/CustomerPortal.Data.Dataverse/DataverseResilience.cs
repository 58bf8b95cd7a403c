using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace CustomerPortal.Data.Dataverse;

// Dataverse service protection and transient failures, as one resilience pipeline on the Web API client.
// Outermost first: the call's time budget (MaxRetryDuration), retries, each attempt's timeout (RequestTimeout),
// the cap on requests in flight (MaxConcurrentRequests). Retries wait outside the cap; every attempt takes a slot.
internal static class DataverseResilience
{
    private static readonly ResiliencePropertyKey<long> StartedAt = new("dataverse-started-at");

    public static IHttpClientBuilder AddDataverseResilience(this IHttpClientBuilder client)
    {
        client.AddResilienceHandler("dataverse", (pipeline, context) =>
        {
            var settings = context.ServiceProvider.GetRequiredService<IOptions<DataverseOptions>>().Value;
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            pipeline.AddTimeout(new HttpTimeoutStrategyOptions
            {
                Name = "budget",
                // Called once as the call starts: the moment the budget is counted from.
                TimeoutGenerator = args =>
                {
                    args.Context.Properties.Set(StartedAt, time.GetTimestamp());
                    return ValueTask.FromResult(settings.MaxRetryDuration);
                },
            });
            if (settings.MaxRetries > 0)
            {
                // Every method is retried, POST included: the submit's deep insert names its own ids, so a retry
                // after a lost answer is refused as a duplicate and read back as already submitted.
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = settings.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    MaxDelay = TimeSpan.FromSeconds(8),
                    // The library reads Retry-After dates with the system clock; ours uses the injected one.
                    ShouldRetryAfterHeader = false,
                    DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time)),
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && FitsBudget(args.Outcome.Result, args.Context, settings, time)),
                });
            }

            pipeline.AddTimeout(settings.RequestTimeout);
            pipeline.AddConcurrencyLimiter(settings.MaxConcurrentRequests, int.MaxValue);
        });
        return client;
    }

    // 429, 502/503/504, connection failures and attempt timeouts; other 4xx (and 500, a server-side bug) never are.
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };

    // A server that asks for a wait longer than the budget has left is answered now, not after the budget.
    private static bool FitsBudget(HttpResponseMessage? response, ResilienceContext context, DataverseOptions settings, TimeProvider time) =>
        RetryAfter(response, time) is not { } wait
        || !context.Properties.TryGetValue(StartedAt, out var started)
        || time.GetElapsedTime(started) + wait <= settings.MaxRetryDuration;

    // Retry-After in seconds or as an HTTP date; without it the exponential back-off with jitter applies.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
