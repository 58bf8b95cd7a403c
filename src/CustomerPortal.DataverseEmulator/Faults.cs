using Microsoft.Extensions.Options;

namespace CustomerPortal.DataverseEmulator;

// Deterministic service-protection behaviour (limits): every Nth request 429 + Retry-After, every Mth
// request 503, fixed added latency. Counting is over authenticated Web API requests only, so a test knows
// exactly which request is refused. Every response carries x-ms-dop-hint and the x-ms-ratelimit-* headers.
internal sealed class Faults(IOptionsMonitor<EmulatorOptions> options)
{
    private readonly Lock _lock = new();
    private FaultOptions? _override;
    private long _requests;

    public FaultOptions Current
    {
        get
        {
            lock (_lock)
            {
                return _override ?? options.CurrentValue.Faults;
            }
        }
    }

    public void Set(FaultOptions faults)
    {
        lock (_lock)
        {
            _override = faults;
            _requests = 0;
        }
    }

    public async Task Delay(CancellationToken cancellationToken)
    {
        if (Current.LatencyMilliseconds > 0)
        {
            await Task.Delay(Current.LatencyMilliseconds, cancellationToken);
        }
    }

    // Null when the request goes through; otherwise the status to answer with.
    public int? Decide(HttpResponse response)
    {
        var faults = Current;
        var n = Interlocked.Increment(ref _requests);
        response.Headers["x-ms-dop-hint"] = faults.DopHint.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["x-ms-ratelimit-burst-remaining-xrm-requests"] = Math.Max(0, 5999 - (n % 6000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["x-ms-ratelimit-time-remaining-xrm-requests"] = "1,200,000.00";
        if (faults.ThrottleEveryN > 0 && n % faults.ThrottleEveryN == 0)
        {
            response.Headers.RetryAfter = faults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return 429;
        }

        if (faults.UnavailableEveryM > 0 && n % faults.UnavailableEveryM == 0)
        {
            return 503;
        }

        return null;
    }
}
