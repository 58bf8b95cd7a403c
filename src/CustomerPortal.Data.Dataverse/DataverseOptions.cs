namespace CustomerPortal.Data.Dataverse;

// The "DataSource:Dataverse" configuration section. Secrets belong in user secrets or environment
// variables (DataSource__Dataverse__ConnectionString); ToString never shows them.
public sealed class DataverseOptions
{
    public const string SectionPath = "DataSource:Dataverse";

    // A Dataverse ServiceClient connection string (AuthType=ClientSecret;Url=…;ClientId=…;ClientSecret=…),
    // plus our own TenantId=, Authority=, CertificatePath= and CertificatePassword= keys.
    public string? ConnectionString { get; set; }

    // Override the connection string's TenantId / Authority (sovereign clouds, the local emulator).
    public string? TenantId { get; set; }

    public string? Authority { get; set; }

    // SHA-1 thumbprint of a self-signed server certificate to trust (the local emulator) for the token
    // endpoint and the Web API. Without it only certificates the machine trusts are accepted.
    public string? TrustedCertificateThumbprint { get; set; }

    // Upper bound on concurrent Web API requests; the server's x-ms-dop-hint lowers it further.
    public int MaxConcurrentRequests { get; set; } = 16;

    public int MaxRetries { get; set; } = 4;

    // Time budget of one call including its retries and Retry-After waits; past it the page says "unavailable".
    public TimeSpan MaxRetryDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    // How long companies, currencies, units, price lists and product facts are reused.
    public TimeSpan ReferenceDataLifetime { get; set; } = TimeSpan.FromMinutes(5);

    // WhoAmI costs a request against the service-protection budget: /healthz/ready reuses the answer this long.
    public TimeSpan HealthCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    public override string ToString() =>
        $"Dataverse (connection string {(string.IsNullOrEmpty(ConnectionString) ? "missing" : "set, not shown")})";
}
