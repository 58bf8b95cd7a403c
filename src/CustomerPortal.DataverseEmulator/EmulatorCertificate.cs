using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CustomerPortal.DataverseEmulator;

// MSAL refuses non-HTTPS authorities (reference 6.5), so the emulator always speaks TLS. The certificate is
// self-signed, created once and kept next to the mirror together with its SHA-256 thumbprint, which is
// what a client pins instead of trusting the certificate machine-wide.
internal static class EmulatorCertificate
{
    public const string FileName = "emulator-cert.pfx";
    public const string ThumbprintFileName = "emulator-cert.sha256";

    public static X509Certificate2 LoadOrCreate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=CustomerPortal Dataverse emulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            names.AddIpAddress(IPAddress.IPv6Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllBytes(path, created.Export(X509ContentType.Pfx, password));
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, ThumbprintFileName), Thumbprint(certificate) + "\n");
        return certificate;
    }

    public static string Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant();
}
