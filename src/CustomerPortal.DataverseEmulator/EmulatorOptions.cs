namespace CustomerPortal.DataverseEmulator;

// Configuration section "Emulator". Defaults are for demos; nothing here is a real secret.
internal sealed class EmulatorOptions
{
    public string MirrorPath { get; set; } = "";

    public string TenantId { get; set; } = "00000000-0000-0000-0000-00000000e001";

    public string ClientId { get; set; } = "00000000-0000-0000-0000-00000000c001";

    public string ClientSecret { get; set; } = "emulator-secret";

    // Entra ID access tokens last about an hour (oauth); shorten it to exercise refresh and expiry.
    public int TokenLifetimeSeconds { get; set; } = 3599;

    // The environment URL the token audience must name (scope "{ResourceUrl}/.default"). Empty: the
    // emulator's own scheme://host:port as the request reached it.
    public string? ResourceUrl { get; set; }

    // PFX of the HTTPS certificate. Empty: {mirror directory}/emulator-cert.pfx, created at first start.
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    // Fixed ids WhoAmI answers with (functions).
    public Guid UserId { get; set; } = Guid.Parse("00000000-0000-0000-0000-00000000a001");

    public Guid BusinessUnitId { get; set; } = Guid.Parse("00000000-0000-0000-0000-00000000b001");

    public Guid OrganizationId { get; set; } = Guid.Parse("00000000-0000-0000-0000-00000000d001");

    // POST/GET /_emulator/faults changes Faults at run time (tests, demos). Off: 404.
    public bool AdminEndpoint { get; set; } = true;

    public FaultOptions Faults { get; set; } = new();
}

internal sealed class FaultOptions
{
    // Every Nth authenticated Web API request answers 429 with Retry-After (limits). 0: never.
    public int ThrottleEveryN { get; set; }

    public int RetryAfterSeconds { get; set; } = 1;

    // Every Mth authenticated Web API request answers 503. 0: never.
    public int UnavailableEveryM { get; set; }

    // Added to every Web API request, before anything else.
    public int LatencyMilliseconds { get; set; }

    // x-ms-dop-hint: the degree of parallelism the server recommends.
    public int DopHint { get; set; } = 4;
}
