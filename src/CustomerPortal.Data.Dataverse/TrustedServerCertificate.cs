using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CustomerPortal.Data.Dataverse;

// Builds the primary handler for both MSAL and the Web API client. A pinned thumbprint (the local
// emulator's self-signed certificate) is accepted in addition to what the machine trusts — nothing else.
internal static class TrustedServerCertificate
{
    public static SocketsHttpHandler CreateHandler(DataverseConnection connection)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        if (connection.TrustedCertificateThumbprint is { } pinned)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && Matches(certificate, pinned));
        }

        return handler;
    }

    public static bool Matches(X509Certificate certificate, string pinned)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var hash = pinned.Length == 64 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;
        return string.Equals(Convert.ToHexString(certificate.GetCertHash(hash)), pinned, StringComparison.OrdinalIgnoreCase);
    }
}
