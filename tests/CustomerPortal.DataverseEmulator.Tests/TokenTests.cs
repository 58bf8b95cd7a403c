using System.Net;
using System.Text.Json;
using Microsoft.Identity.Client;

namespace CustomerPortal.DataverseEmulator.Tests;

// Client credentials as Entra ID answers them (reference 6.1, 6.5), with real MSAL 4.92.
public sealed class TokenTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Msal_acquires_a_token_with_a_non_validated_authority_and_the_token_opens_the_web_api()
    {
        var app = ConfidentialClientApplicationBuilder.Create(EmulatorFixture.ClientId)
            .WithClientSecret(EmulatorFixture.ClientSecret)
            .WithAuthority($"{emulator.BaseUrl}/{EmulatorFixture.TenantId}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new PinnedFactory(emulator.Thumbprint))
            .Build();

        var result = await app.AcquireTokenForClient([emulator.BaseUrl + "/.default"]).ExecuteAsync(TestContext.Current.CancellationToken);

        Assert.True(result.ExpiresOn > DateTimeOffset.UtcNow.AddMinutes(50));
        using var request = new HttpRequestMessage(HttpMethod.Get, emulator.Api + "WhoAmI");
        request.Headers.Authorization = new("Bearer", result.AccessToken);
        using var response = await emulator.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Msal_acquires_a_token_through_the_oidc_authority()
    {
        var app = ConfidentialClientApplicationBuilder.Create(EmulatorFixture.ClientId)
            .WithClientSecret(EmulatorFixture.ClientSecret)
            .WithOidcAuthority($"{emulator.BaseUrl}/{EmulatorFixture.TenantId}/v2.0")
            .WithHttpClientFactory(new PinnedFactory(emulator.Thumbprint))
            .Build();

        var result = await app.AcquireTokenForClient([emulator.BaseUrl + "/.default"]).ExecuteAsync(TestContext.Current.CancellationToken);

        Assert.False(string.IsNullOrEmpty(result.AccessToken));
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_invalid_client_401_and_AADSTS7000215()
    {
        using var response = await emulator.RequestToken("not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("invalid_client", body.RootElement.GetProperty("error").GetString());
        Assert.StartsWith("AADSTS7000215:", body.RootElement.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Equal(7000215, body.RootElement.GetProperty("error_codes")[0].GetInt32());
    }

    [Fact]
    public async Task An_unknown_client_is_refused_with_400_unauthorized_client()
    {
        using var response = await emulator.RequestToken(EmulatorFixture.ClientSecret, clientId: Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("AADSTS700016", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scope_without_default_suffix_is_refused()
    {
        using var response = await emulator.RequestToken(EmulatorFixture.ClientSecret, scope: emulator.BaseUrl + "/user_impersonation");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    [InlineData("eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2ln")]
    public async Task The_web_api_answers_401_with_a_bearer_challenge_without_a_valid_token(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, emulator.Api + "WhoAmI");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await emulator.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.NonValidated["WWW-Authenticate"].ToString();
        Assert.Equal($"Bearer authorization_uri={emulator.BaseUrl}/{EmulatorFixture.TenantId}/oauth2/authorize, resource_id={emulator.BaseUrl}/", challenge);
    }

    [Fact]
    public async Task Instance_discovery_and_openid_configuration_point_back_at_the_emulator()
    {
        var discovery = JsonDocument.Parse(await emulator.Client.GetStringAsync(
            $"{emulator.BaseUrl}/common/discovery/instance?api-version=1.1&authorization_endpoint={Uri.EscapeDataString(emulator.BaseUrl + "/" + EmulatorFixture.TenantId + "/oauth2/v2.0/authorize")}",
            TestContext.Current.CancellationToken)).RootElement;
        var oidc = JsonDocument.Parse(await emulator.Client.GetStringAsync(discovery.GetProperty("tenant_discovery_endpoint").GetString(), TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal($"{emulator.BaseUrl}/{EmulatorFixture.TenantId}/oauth2/v2.0/token", oidc.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{emulator.BaseUrl}/{EmulatorFixture.TenantId}/v2.0", oidc.GetProperty("issuer").GetString());
    }

    private sealed class PinnedFactory(string thumbprint) : IMsalHttpClientFactory
    {
        private readonly HttpClient _client = new(EmulatorFixture.PinnedHandler(thumbprint));

        public HttpClient GetHttpClient() => _client;
    }
}

public sealed class ExpiringTokenTests(ExpiringTokenFixture emulator) : IClassFixture<ExpiringTokenFixture>
{
    [Fact]
    public async Task An_expired_token_gets_401_with_the_challenge()
    {
        await Task.Delay(TimeSpan.FromSeconds(2.1), TestContext.Current.CancellationToken);

        using var response = await emulator.Send(HttpMethod.Get, "WhoAmI");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer authorization_uri=", response.Headers.NonValidated["WWW-Authenticate"].ToString(), StringComparison.Ordinal);
    }
}
