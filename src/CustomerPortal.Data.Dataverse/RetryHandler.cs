using System.Net;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Data.Dataverse;

// Dataverse service protection and transient failures: 429 waits what Retry-After says; 502/503/504,
// connection failures and per-attempt timeouts back off exponentially with full jitter. Bounded by
// attempts and by total time; the caller's cancellation always wins; other 4xx are never retried.
// Requests are safe to repeat: GETs, PATCH with If-Match, and the submit's POST names its own ids.
internal sealed class RetryHandler(IOptions<DataverseOptions> options, TimeProvider time, RetryDelay delays) : DelegatingHandler
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(8);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = time.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(settings.RequestTimeout);
            HttpResponseMessage? response = null;
            Exception? failure = null;
            try
            {
                response = await base.SendAsync(request, attemptTimeout.Token);
            }
            catch (HttpRequestException ex)
            {
                failure = ex;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new TimeoutException($"The Dataverse request timed out after {settings.RequestTimeout.TotalSeconds:0} s.", ex);
            }

            var delay = response is null ? BackOff(attempt) : DelayFor(response, attempt);
            var elapsed = time.GetElapsedTime(started);
            if (delay is null || attempt >= settings.MaxRetries || elapsed + delay.Value > settings.MaxRetryDuration)
            {
                if (response is not null)
                {
                    return response;
                }

                throw failure is HttpRequestException http ? http : new HttpRequestException(failure!.Message, failure);
            }

            response?.Dispose();
            await delays.WaitAsync(delay.Value, cancellationToken);
        }
    }

    private TimeSpan? DelayFor(HttpResponseMessage response, int attempt) => response.StatusCode switch
    {
        HttpStatusCode.TooManyRequests => RetryAfter(response) ?? BackOff(attempt),
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => RetryAfter(response) ?? BackOff(attempt),
        _ => null,
    };

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        return header?.Date is { } date ? Max(date - time.GetUtcNow(), TimeSpan.Zero) : null;
    }

    // Exponential back-off with full jitter: uniformly random up to 0.5 s, 1 s, 2 s, … 8 s.
    private static TimeSpan BackOff(int attempt)
    {
        var ceiling = Math.Min(MaxBackOff.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

// The wait between attempts; tests substitute one that records the delays instead of sleeping.
internal class RetryDelay
{
    public virtual Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
}
