using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Security;

// Per-account half of the credential rate limit (the per-IP half is the "credentials" rate-limiter
// policy). Keyed by what the attacker targets, an e-mail address or an invitation, so spreading the
// guesses over many addresses does not help. Lockout still applies on top for real accounts.
public sealed class CredentialThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public CredentialThrottle(IOptions<SecurityOptions> options)
    {
        var permits = Math.Max(1, options.Value.CredentialPostsPerAccountPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    // False when this account has had too many attempts in the last minute.
    public bool TryAttempt(string purpose, string? account)
    {
        var key = purpose + ":" + (account ?? "").Trim().ToUpperInvariant();
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
