using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CustomerPortal.DataverseEmulator;

// The slice of Entra ID that the OAuth 2.0 client-credentials flow and MSAL need (reference 6.1, 6.5):
// the v2.0 token endpoint, the tenant's OpenID configuration and instance discovery. Tokens are JWT-shaped,
// signed with a key that lives as long as the process (a restart invalidates them, and the client's one
// retry on 401 recovers), and carry the audience the Web API checks.
internal sealed class TokenService(IOptionsMonitor<EmulatorOptions> options, TimeProvider clock)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/{tenant}/oauth2/v2.0/token", (HttpContext http, string tenant, TokenService tokens) => tokens.Issue(http, tenant));
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (HttpContext http, string tenant, TokenService tokens) => tokens.OpenIdConfiguration(http, tenant));
        app.MapGet("/{tenant}/.well-known/openid-configuration", (HttpContext http, string tenant, TokenService tokens) => tokens.OpenIdConfiguration(http, tenant));
        app.MapGet("/common/discovery/instance", (HttpContext http) =>
        {
            // Instance discovery names the host as its own alias, so MSAL does not go to login.microsoftonline.com.
            var host = http.Request.Host.Value;
            var authority = http.Request.Query["authorization_endpoint"].ToString();
            var tenant = TenantOf(authority) ?? "common";
            return Results.Json(new Dictionary<string, object>
            {
                ["tenant_discovery_endpoint"] = $"{Origin(http)}/{tenant}/v2.0/.well-known/openid-configuration",
                ["api-version"] = "1.1",
                ["metadata"] = new[] { new Dictionary<string, object> { ["preferred_network"] = host!, ["preferred_cache"] = host!, ["aliases"] = new[] { host! } } },
            });
        });
    }

    public static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    public string Resource(HttpContext http) => Normalize(string.IsNullOrWhiteSpace(options.CurrentValue.ResourceUrl) ? Origin(http) : options.CurrentValue.ResourceUrl);

    private IResult OpenIdConfiguration(HttpContext http, string tenant)
    {
        if (!KnownTenant(tenant))
        {
            return UnknownTenant("invalid_tenant", tenant);
        }

        var origin = Origin(http);
        var id = options.CurrentValue.TenantId;
        return Results.Json(new Dictionary<string, object>
        {
            ["token_endpoint"] = $"{origin}/{id}/oauth2/v2.0/token",
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "private_key_jwt", "client_secret_basic" },
            ["jwks_uri"] = $"{origin}/{id}/discovery/v2.0/keys",
            ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token", "id_token token" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
            ["issuer"] = $"{origin}/{id}/v2.0",
            ["request_uri_parameter_supported"] = false,
            ["userinfo_endpoint"] = $"{origin}/oidc/userinfo",
            ["authorization_endpoint"] = $"{origin}/{id}/oauth2/v2.0/authorize",
            ["device_authorization_endpoint"] = $"{origin}/{id}/oauth2/v2.0/devicecode",
            ["http_logout_supported"] = true,
            ["frontchannel_logout_supported"] = true,
            ["end_session_endpoint"] = $"{origin}/{id}/oauth2/v2.0/logout",
            ["claims_supported"] = new[] { "sub", "iss", "aud", "exp", "iat", "tid" },
            ["tenant_region_scope"] = "NA",
            ["cloud_instance_name"] = "microsoftonline.com",
        });
    }

    private async Task<IResult> Issue(HttpContext http, string tenant)
    {
        var settings = options.CurrentValue;
        if (!http.Request.HasFormContentType)
        {
            return MissingGrantType();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!KnownTenant(tenant))
        {
            return UnknownTenant("invalid_request", tenant);
        }

        var grant = form["grant_type"].ToString();
        if (grant.Length == 0)
        {
            return MissingGrantType();
        }

        if (grant != "client_credentials")
        {
            return EntraError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
        }

        // client_secret_post, or HTTP Basic (client_secret_basic).
        var clientId = form["client_id"].ToString();
        var secret = form["client_secret"].ToString();
        if (http.Request.Headers.Authorization.ToString() is { } basic && basic.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..].Trim())).Split(':', 2);
            clientId = Uri.UnescapeDataString(pair[0]);
            secret = pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : "";
        }

        if (clientId != settings.ClientId)
        {
            return EntraError(400, "unauthorized_client", 700016,
                $"Application with identifier '{clientId}' was not found in the directory '{settings.TenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.");
        }

        if (secret.Length == 0)
        {
            return EntraError(401, "invalid_client", 7000216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(settings.ClientSecret)))
        {
            return EntraError(401, "invalid_client", 7000215,
                $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{settings.ClientId}'.");
        }

        var scope = form["scope"].ToString().Trim();
        if (!scope.EndsWith("/.default", StringComparison.Ordinal))
        {
            return EntraError(400, "invalid_scope", 1002012, $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
        }

        var resource = Normalize(scope[..^"/.default".Length]);
        if (resource != Resource(http))
        {
            return EntraError(400, "invalid_resource", 500011,
                $"The resource principal named {resource} was not found in the tenant named {settings.TenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.");
        }

        var lifetime = settings.TokenLifetimeSeconds;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var token = Sign(new Dictionary<string, object>
        {
            ["aud"] = resource,
            ["iss"] = $"https://sts.windows.net/{settings.TenantId}/",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + lifetime,
            ["appid"] = clientId,
            ["tid"] = settings.TenantId,
            ["oid"] = settings.UserId,
            ["ver"] = "1.0",
        });
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = token,
        });
    }

    // A token is valid when we signed it, it has not expired, and it was issued for this environment.
    public bool Validate(string token, string resource)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        byte[] signature;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return false;
        }

        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        return claims.RootElement.GetProperty("exp").GetInt64() > clock.GetUtcNow().ToUnixTimeSeconds()
            && claims.RootElement.GetProperty("aud").GetString() == resource;
    }

    private string Sign(Dictionary<string, object> claims)
    {
        var header = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { typ = "JWT", alg = "HS256" }));
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + Base64Url.EncodeToString(signature);
    }

    private bool KnownTenant(string tenant) => string.Equals(tenant, options.CurrentValue.TenantId, StringComparison.OrdinalIgnoreCase);

    // Entra ID error bodies: error, error_description starting with the AADSTS code, error_codes, ids.
    private static IResult EntraError(int status, string error, int code, string description) => Results.Json(new Dictionary<string, object>
    {
        ["error"] = error,
        ["error_description"] = $"AADSTS{code}: {description} Trace ID: {Guid.NewGuid()} Correlation ID: {Guid.NewGuid()} Timestamp: {DateTime.UtcNow:yyyy-MM-dd HH:mm:ssZ}",
        ["error_codes"] = new[] { code },
        ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["trace_id"] = Guid.NewGuid(),
        ["correlation_id"] = Guid.NewGuid(),
    }, statusCode: status);

    private static string? TenantOf(string authorizationEndpoint) =>
        Uri.TryCreate(authorizationEndpoint, UriKind.Absolute, out var uri) && uri.Segments.Length > 1 ? uri.Segments[1].TrimEnd('/') : null;

    private static string Normalize(string url) => url.Trim().TrimEnd('/').ToLowerInvariant();

    private static IResult UnknownTenant(string error, string tenant) => EntraError(400, error, 90002,
        $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");

    private static IResult MissingGrantType() =>
        EntraError(400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
}
