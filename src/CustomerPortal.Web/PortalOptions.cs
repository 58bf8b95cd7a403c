using CustomerPortal.Web.Security;

namespace CustomerPortal.Web;

// The "Portal" configuration section.
public sealed class PortalOptions
{
    public const string Section = "Portal";

    // Holds mirror.db, portal.db and seed-profile.json. Relative paths are resolved against the
    // current directory; run.sh passes an absolute path.
    public string DataDirectory { get; set; } = "data";

    // Lists the demo personas on the sign-in page. Never on for a real customer-facing site.
    public bool DemoMode { get; set; }

    // HTTPS redirection and HSTS, outside Development only. Off by default because the demo runs on plain http://localhost.
    public bool RequireHttps { get; set; }

    // The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (IP addresses). Empty:
    // none, the connection's own address and scheme count (a forged header from a client changes nothing).
    public string[] KnownProxies { get; set; } = [];

    // The time zone whose calendar day is "today" for late orders and the dashboard (IANA id). See PortalCalendar.
    public string TimeZone { get; set; } = "UTC";

    // yyyy-MM-dd: pins "today", for demos recorded on fixed data and for tests. Empty: the real day.
    public string? Today { get; set; }

    // EF Core's check that no two operations run on one context at once. Empty: on in Development only (Program.cs
    // says why); the tests turn it on.
    public bool? ThreadSafetyChecks { get; set; }

    // How many requests the portal works on at once; the others wait their turn, oldest first (Security/RequestAdmission.cs).
    // Empty: the processor count (at least 2) on the SQLite mirror, no limit on Dataverse. 0: no limit.
    public int? MaxConcurrentRequests { get; set; }

    // How many requests may wait for their turn; one more is answered 503 with Retry-After.
    public int RequestQueueLimit { get; set; } = RequestAdmission.DefaultQueueLimit;

    // An empty entry (an environment variable set to nothing) lists no proxy.
    public IReadOnlyList<string> ListedProxies => [.. KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())];

    public string PathOf(string fileName) => Path.Combine(Path.GetFullPath(DataDirectory), fileName);
}
