using CustomerPortal.Data.Dataverse;

namespace CustomerPortal.Tests.Dataverse;

public sealed class DataverseConnectionTests
{
    private const string Secret = "Sup3r-Secret";

    private static DataverseConnection Parse(string connectionString, string? tenantId = null, string? authority = null, string? trusted = null) =>
        DataverseConnection.Parse(new DataverseOptions { ConnectionString = connectionString, TenantId = tenantId, Authority = authority, TrustedCertificateThumbprint = trusted });

    private static string Fails(string connectionString, string? tenantId = "tenant", string? authority = null, string? trusted = null) =>
        Assert.Throws<DataverseConfigurationException>(() => Parse(connectionString, tenantId, authority, trusted)).Message;

    [Fact]
    public void AServiceClientSecretStringParsesWithOurTenantId()
    {
        var connection = Parse($"AuthType=ClientSecret;Url=https://contoso.crm.dynamics.com;ClientId=app;ClientSecret={Secret};TenantId=contoso.onmicrosoft.com");

        Assert.Equal(DataverseAuthType.ClientSecret, connection.AuthType);
        Assert.Equal(new Uri("https://contoso.crm.dynamics.com/api/data/v9.2/"), connection.WebApiBase);
        Assert.Equal("https://contoso.crm.dynamics.com/.default", connection.Scope);
        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com", connection.Authority);
        Assert.False(connection.IsCustomAuthority);
        Assert.DoesNotContain(Secret, connection.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, new DataverseOptions { ConnectionString = "ClientSecret=" + Secret }.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ServiceUri")]
    [InlineData("Service Uri")]
    [InlineData("Url")]
    [InlineData("Server")]
    [InlineData("url")]
    [InlineData("SERVER")]
    public void EveryUrlAliasIsAcceptedInAnyCase(string key) =>
        Assert.Equal("contoso.crm4.dynamics.com", Parse($"AuthType=ClientSecret;{key}=https://contoso.crm4.dynamics.com;ClientId=a;ClientSecret=s", "t").Url.Host);

    [Theory]
    [InlineData("AuthType", "ClientId", "ClientSecret")]
    [InlineData("AuthenticationType", "AppId", "Secret")]
    [InlineData("authtype", "ApplicationId", "clientsecret")]
    public void AuthTypeClientIdAndSecretAliases(string authKey, string clientKey, string secretKey)
    {
        var connection = Parse($"{authKey}=ClientSecret;Url=https://x.crm.dynamics.com;{clientKey}=the-app;{secretKey}={Secret}", "t");

        Assert.Equal(("the-app", Secret), (connection.ClientId, connection.ClientSecret));
    }

    [Theory]
    [InlineData("Thumbprint", "StoreName")]
    [InlineData("CertificateThumbprint", "CertificateStoreName")]
    public void CertificateByThumbprintAndStore(string thumbprintKey, string storeKey)
    {
        var connection = Parse($"AuthType=Certificate;Url=https://x.crm.dynamics.com;ClientId=a;{thumbprintKey}=ABCDEF;{storeKey}=My", "t");

        Assert.Equal((DataverseAuthType.Certificate, "ABCDEF", "My"), (connection.AuthType, connection.Thumbprint, connection.StoreName));
    }

    [Fact]
    public void CertificateFromAFileWithPassword()
    {
        var file = Path.GetTempFileName();
        try
        {
            var connection = Parse($"AuthType=Certificate;Url=https://x.crm.dynamics.com;ClientId=a;CertificatePath={file};CertificatePassword=pw", "t");

            Assert.Equal((file, "pw"), (connection.CertificatePath, connection.CertificatePassword));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SeparateTenantAndAuthorityKeysWinOverTheConnectionString()
    {
        var viaKeys = Parse("AuthType=ClientSecret;Url=https://x.crm.dynamics.com;ClientId=a;ClientSecret=s;TenantId=ignored", tenantId: "mine");
        var emulator = Parse("AuthType=ClientSecret;Url=https://localhost:5443;ClientId=a;ClientSecret=s;Authority=https://localhost:5443/tenant/");
        var pinned = Parse("AuthType=ClientSecret;Url=https://localhost:5443;ClientId=a;ClientSecret=s", authority: "https://localhost:5443/t", trusted: "ab:cd" + new string('0', 36));

        Assert.Equal("https://login.microsoftonline.com/mine", viaKeys.Authority);
        Assert.Equal(("https://localhost:5443/tenant", true), (emulator.Authority, emulator.IsCustomAuthority));
        Assert.Equal("ABCD" + new string('0', 36), pinned.TrustedCertificateThumbprint);
    }

    [Theory]
    [InlineData("", "DataSource:Dataverse:ConnectionString is missing")]
    [InlineData("AuthType=ClientSecret;ClientId=a;ClientSecret=s", "key ServiceUri / Service Uri / Url / Server is missing")]
    [InlineData("AuthType=ClientSecret;Url=http://x.crm.dynamics.com;ClientId=a;ClientSecret=s", "must be an absolute https URL")]
    [InlineData("AuthType=ClientSecret;Url=not a url;ClientId=a;ClientSecret=s", "must be an absolute https URL")]
    [InlineData("Url=https://x.crm.dynamics.com;ClientId=a;ClientSecret=s", "key AuthType / AuthenticationType is missing")]
    [InlineData("AuthType=OAuth;Url=https://x.crm.dynamics.com;ClientId=a;ClientSecret=s", "AuthType / AuthenticationType 'OAuth' is not supported")]
    [InlineData("AuthType=1;Url=https://x.crm.dynamics.com;ClientId=a;ClientSecret=s", "'1' is not supported")]
    [InlineData("AuthType=ClientSecret;Url=https://x.crm.dynamics.com;ClientSecret=s", "key ClientId / AppId / ApplicationId is missing")]
    [InlineData("AuthType=ClientSecret;Url=https://x.crm.dynamics.com;ClientId=a", "key ClientSecret / Secret is missing")]
    [InlineData("AuthType=Certificate;Url=https://x.crm.dynamics.com;ClientId=a", "key CertificateThumbprint / Thumbprint (or CertificatePath / CertificateFile) is missing")]
    [InlineData("AuthType=Certificate;Url=https://x.crm.dynamics.com;ClientId=a;CertificatePath=/no/such.pfx", "the file '/no/such.pfx' does not exist")]
    [InlineData("AuthType=ClientSecret;Url=\"unterminated;ClientId=a", "is not a valid 'Key=Value;…' connection string")]
    public void EachMistakeFailsWithAMessageNamingTheKey(string connectionString, string expected)
    {
        var message = Fails(connectionString);

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TenantAuthorityAndPinnedThumbprintMistakesNameTheirKeys()
    {
        const string Good = "AuthType=ClientSecret;Url=https://x.crm.dynamics.com;ClientId=a;ClientSecret=s";

        Assert.Contains("DataSource:Dataverse:TenantId is missing", Fails(Good, tenantId: null), StringComparison.Ordinal);
        Assert.Contains("DataSource:Dataverse:TenantId", Fails(Good, tenantId: "bad/tenant"), StringComparison.Ordinal);
        Assert.Contains("DataSource:Dataverse:Authority", Fails(Good, authority: "http://login.example/t"), StringComparison.Ordinal);
        Assert.Contains("DataSource:Dataverse:TrustedCertificateThumbprint", Fails(Good, trusted: "xyz"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSecretNeverAppearsInAnyMessage()
    {
        var message = Fails($"AuthType=Nope;Url=https://x.crm.dynamics.com;ClientId=a;ClientSecret={Secret}");

        Assert.DoesNotContain(Secret, message, StringComparison.Ordinal);
    }
}
