using System.Security.Cryptography.X509Certificates;
using CustomerPortal.Core;
using Microsoft.Identity.Client;

namespace CustomerPortal.Data.Dataverse;

internal interface IDataverseTokenSource
{
    // forceRefresh skips MSAL's cache (after the server answered 401 to a cached token).
    Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}

// One MSAL confidential client for the process, so its in-memory app token cache is shared: tokens are
// reused until MSAL refreshes them shortly before they expire.
internal sealed class MsalTokenSource : IDataverseTokenSource
{
    private readonly IConfidentialClientApplication _app;
    private readonly string[] _scopes;

    public MsalTokenSource(DataverseConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var builder = ConfidentialClientApplicationBuilder.Create(connection.ClientId)
            .WithHttpClientFactory(new MsalHttpClientFactory(connection));
        // An explicit authority (sovereign cloud, the local emulator) is taken as given: no Entra instance discovery.
        builder = connection.IsCustomAuthority
            ? builder.WithAuthority(connection.Authority, validateAuthority: false).WithInstanceDiscovery(false)
            : builder.WithAuthority(connection.Authority);
        builder = connection.AuthType == DataverseAuthType.ClientSecret
            ? builder.WithClientSecret(connection.ClientSecret)
            : builder.WithCertificate(LoadCertificate(connection));
        _app = builder.Build();
        _scopes = [connection.Scope];
    }

    public async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _app.AcquireTokenForClient(_scopes).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalServiceException ex) when (ex.StatusCode is 0 or 408 or 429 or >= 500)
        {
            throw new DataSourceUnavailableException($"The Dataverse token endpoint is unavailable ({ex.ErrorCode}).", ex);
        }
        catch (MsalClientException ex)
        {
            throw new DataSourceUnavailableException($"No Dataverse token could be acquired ({ex.ErrorCode}).", ex);
        }
        catch (MsalServiceException ex)
        {
            // invalid_client, unauthorized_client…: a configuration problem, reported without the secret.
            throw new DataSourceUnavailableException($"The Dataverse token request was refused ({ex.ErrorCode}). Check the client id, secret or certificate and the tenant.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new DataSourceUnavailableException("The Dataverse token endpoint is unreachable.", ex);
        }
    }

    private static X509Certificate2 LoadCertificate(DataverseConnection connection)
    {
        if (connection.CertificatePath is { } path)
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, connection.CertificatePassword);
        }

        var storeName = Enum.TryParse<StoreName>(connection.StoreName, ignoreCase: true, out var name) ? name : StoreName.My;
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(storeName, location);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, connection.Thumbprint!, validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }

        throw new DataverseConfigurationException(
            $"{DataverseConnection.ConnectionStringKey}: no certificate with thumbprint {connection.Thumbprint} in the {storeName} store (current user or local machine).");
    }

    // MSAL's HTTP, with the same certificate trust as the Web API client (the emulator's pinned certificate).
    // Lives as long as the singleton token source, i.e. the process.
    private sealed class MsalHttpClientFactory(DataverseConnection connection) : IMsalHttpClientFactory, IDisposable
    {
        private readonly HttpClient _client = new(TrustedServerCertificate.CreateHandler(connection));

        public HttpClient GetHttpClient() => _client;

        public void Dispose() => _client.Dispose();
    }
}
