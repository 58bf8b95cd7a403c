using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CustomerPortal.Web.Security;

// A browser that has signed in successfully gets a "trusted device" cookie (OWASP: device cookies against
// lockout denial of service). Its credential posts are counted per device instead of per client address,
// so colleagues behind one NAT or proxy address are not shut out by someone else's wrong guesses from that
// address. The cookie proves only that this browser once knew a password; the per-account limit and the
// lockout still apply to every post, and a device's own posts are limited like an address's.
public sealed class TrustedDevice(IDataProtectionProvider protection, TimeProvider time, IHostEnvironment environment)
{
    public const string CookieName = "CustomerPortal.Device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("CustomerPortal.TrustedDevice").ToTimeLimitedDataProtector();

    public void Issue(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var expires = time.GetUtcNow().Add(Lifetime);
        var deviceId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(CookieName, _protector.Protect(deviceId, expires), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Strict,
            // As the sign-in cookie: Secure outside Development.
            Secure = context.Request.IsHttps || !environment.IsDevelopment(),
            Expires = expires,
        });
    }

    // The device id, or null when the request has no cookie or one that is forged, tampered or expired.
    public string? IdOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(cookie, out _);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    // The per-address limiter's partition: the device when it is trusted, otherwise the client address
    // (after forwarded headers from known proxies).
    public string LimitPartitionOf(HttpContext context) => IdOf(context) is { } device
        ? "device:" + device
        : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
