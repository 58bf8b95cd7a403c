using System.Data.Common;

namespace CustomerPortal.Data.Dataverse;

// A parsed, validated connection: everything needed to get a token and reach the Web API.
internal sealed record DataverseConnection(
    Uri Url,
    DataverseAuthType AuthType,
    string ClientId,
    string? ClientSecret,
    string? Thumbprint,
    string? StoreName,
    string? CertificatePath,
    string? CertificatePassword,
    string Authority,
    bool IsCustomAuthority,
    string? TrustedCertificateThumbprint)
{
    public const string ConnectionStringKey = DataverseOptions.SectionPath + ":ConnectionString";

    // ServiceClient's aliases (first non-empty wins), plus our own TenantId/Authority/CertificatePath/CertificatePassword.
    internal static readonly string[] UrlKeys = ["ServiceUri", "Service Uri", "Url", "Server"];
    internal static readonly string[] AuthTypeKeys = ["AuthType", "AuthenticationType"];
    internal static readonly string[] ClientIdKeys = ["ClientId", "AppId", "ApplicationId"];
    internal static readonly string[] SecretKeys = ["ClientSecret", "Secret"];
    internal static readonly string[] ThumbprintKeys = ["CertificateThumbprint", "Thumbprint"];
    internal static readonly string[] StoreNameKeys = ["CertificateStoreName", "StoreName"];
    internal static readonly string[] CertificatePathKeys = ["CertificatePath", "CertificateFile"];
    internal static readonly string[] CertificatePasswordKeys = ["CertificatePassword"];
    internal static readonly string[] TenantIdKeys = ["TenantId"];
    internal static readonly string[] AuthorityKeys = ["Authority"];

    public Uri WebApiBase { get; } = new(Url.GetLeftPart(UriPartial.Authority) + Url.AbsolutePath.TrimEnd('/') + "/api/data/v9.2/");

    public string Scope => Url.GetLeftPart(UriPartial.Authority) + "/.default";

    // Parses and validates; every problem names the configuration key that fixes it.
    public static DataverseConnection Parse(DataverseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new DataverseConfigurationException(
                $"{ConnectionStringKey} is missing. Set it (user secrets or the environment variable DataSource__Dataverse__ConnectionString) "
                + "to e.g. 'AuthType=ClientSecret;Url=https://contoso.crm.dynamics.com;ClientId=<app id>;ClientSecret=<secret>;TenantId=<tenant id>'.");
        }

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = options.ConnectionString;
        }
        catch (ArgumentException)
        {
            // The parser's message can quote the string, secret included: say where, not what.
            throw new DataverseConfigurationException($"{ConnectionStringKey} is not a valid 'Key=Value;…' connection string.");
        }

        string? Get(string[] keys) => keys
            .Select(key => builder.TryGetValue(key, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Trim() : null)
            .FirstOrDefault(value => !string.IsNullOrEmpty(value));
        string Key(string[] keys) => $"{ConnectionStringKey} key {string.Join(" / ", keys)}";

        var urlText = Get(UrlKeys) ?? throw new DataverseConfigurationException($"{Key(UrlKeys)} is missing: the environment URL, e.g. https://contoso.crm.dynamics.com.");
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new DataverseConfigurationException($"{Key(UrlKeys)} must be an absolute https URL, e.g. https://contoso.crm.dynamics.com.");
        }

        var authTypeText = Get(AuthTypeKeys) ?? throw new DataverseConfigurationException($"{Key(AuthTypeKeys)} is missing: use ClientSecret or Certificate.");
        if (!Enum.TryParse<DataverseAuthType>(authTypeText, ignoreCase: true, out var authType) || !Enum.IsDefined(authType)
            || int.TryParse(authTypeText, out _))
        {
            throw new DataverseConfigurationException(
                $"{Key(AuthTypeKeys)} '{authTypeText}' is not supported: the portal signs in as an application user, use ClientSecret or Certificate.");
        }

        var clientId = Get(ClientIdKeys) ?? throw new DataverseConfigurationException(
            $"{Key(ClientIdKeys)} is missing: the application (client) id of the app registration.");

        var secret = Get(SecretKeys);
        var thumbprint = Get(ThumbprintKeys);
        var certificatePath = Get(CertificatePathKeys);
        if (authType == DataverseAuthType.ClientSecret && secret is null)
        {
            throw new DataverseConfigurationException($"{Key(SecretKeys)} is missing: AuthType=ClientSecret needs the app registration's client secret.");
        }

        if (authType == DataverseAuthType.Certificate)
        {
            if (thumbprint is null && certificatePath is null)
            {
                throw new DataverseConfigurationException(
                    $"{Key(ThumbprintKeys)} (or {string.Join(" / ", CertificatePathKeys)}) is missing: AuthType=Certificate needs the certificate's thumbprint or a .pfx file.");
            }

            if (certificatePath is not null && !File.Exists(certificatePath))
            {
                throw new DataverseConfigurationException($"{Key(CertificatePathKeys)}: the file '{certificatePath}' does not exist.");
            }
        }

        var tenantId = Blank(options.TenantId) ?? Get(TenantIdKeys);
        var authority = Blank(options.Authority) ?? Get(AuthorityKeys);
        string resolvedAuthority;
        var isCustom = authority is not null;
        if (authority is not null)
        {
            if (!Uri.TryCreate(authority, UriKind.Absolute, out var authorityUrl) || authorityUrl.Scheme != Uri.UriSchemeHttps)
            {
                throw new DataverseConfigurationException(
                    $"{DataverseOptions.SectionPath}:Authority (or the connection string key Authority) must be an absolute https URL, e.g. https://login.microsoftonline.us/<tenant id>.");
            }

            resolvedAuthority = authority.TrimEnd('/');
        }
        else if (tenantId is not null)
        {
            if (tenantId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.')))
            {
                throw new DataverseConfigurationException($"{DataverseOptions.SectionPath}:TenantId (or the connection string key TenantId) '{tenantId}' is not a tenant id or domain.");
            }

            resolvedAuthority = "https://login.microsoftonline.com/" + tenantId;
        }
        else
        {
            throw new DataverseConfigurationException(
                $"{DataverseOptions.SectionPath}:TenantId is missing (or the connection string key TenantId, or an Authority): the Entra ID tenant of the app registration.");
        }

        var trusted = Blank(options.TrustedCertificateThumbprint)?.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (trusted is not null && (trusted.Length is not (40 or 64) || !trusted.All(char.IsAsciiHexDigit)))
        {
            throw new DataverseConfigurationException(
                $"{DataverseOptions.SectionPath}:TrustedCertificateThumbprint must be the certificate's SHA-1 (40) or SHA-256 (64) hex thumbprint.");
        }

        return new DataverseConnection(url, authType, clientId, secret, thumbprint, Get(StoreNameKeys), certificatePath,
            Get(CertificatePasswordKeys), resolvedAuthority, isCustom, trusted?.ToUpperInvariant());
    }

    public override string ToString() => $"Dataverse {Url} ({AuthType}, client {ClientId}, authority {Authority})";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

// Bad Dataverse settings; the message names the key and never contains a secret.
internal sealed class DataverseConfigurationException(string message) : Exception(message);
