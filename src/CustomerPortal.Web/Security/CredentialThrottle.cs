using System.Threading.RateLimiting;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Security;

// Per-account half of the credential rate limit (the per-IP half is the "credentials" rate-limiter
// policy). Keyed by what the attacker targets, an e-mail address or an invitation, so spreading the
// guesses over many addresses does not help. Lockout still applies on top for real accounts.
public sealed class CredentialThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly IStringLocalizer<SharedResource> _localizer;

    public CredentialThrottle(IOptions<SecurityOptions> options, IStringLocalizer<SharedResource> localizer)
    {
        _localizer = localizer;
        var permits = Math.Max(1, options.Value.CredentialPostsPerAccountPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    // False when this account has had too many attempts in the last minute: the page then answers 429
    // with the message under the given field ("" for the form as a whole).
    public bool TryAttempt(PageModel page, string purpose, string? account, string field = "")
    {
        ArgumentNullException.ThrowIfNull(page);
        var key = purpose + ":" + (account ?? "").Trim().ToUpperInvariant();
        using var lease = _limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return true;
        }

        page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        page.ModelState.AddModelError(field, _localizer["Security.TooManyAttempts"]);
        return false;
    }

    public void Dispose() => _limiter.Dispose();
}
