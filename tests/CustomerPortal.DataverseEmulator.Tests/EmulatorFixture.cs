using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CustomerPortal.Seed;
using Microsoft.AspNetCore.Builder;

namespace CustomerPortal.DataverseEmulator.Tests;

// A real emulator on loopback HTTPS over its own copy of the demo mirror (seeded once per test run).
// The client trusts the emulator only through the pinned SHA-256 thumbprint the emulator writes.
public class EmulatorFixture : IAsyncLifetime
{
    public const string TenantId = "00000000-0000-0000-0000-00000000e001";
    public const string ClientId = "00000000-0000-0000-0000-00000000c001";
    public const string ClientSecret = "emulator-secret";

    private static readonly Lazy<string> SeededMirror = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), "emulator-tests-seed-" + Guid.NewGuid().ToString("N"));
        MirrorSeeder.Seed(SeedProfile.Load(Path.Combine(RepositoryRoot(), "seed", "demo.json"), new DateOnly(2026, 11, 1)), directory);
        return Path.Combine(directory, MirrorSeeder.MirrorFileName);
    });

    private WebApplication? _app;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "emulator-tests-" + Guid.NewGuid().ToString("N"));

    public string MirrorPath => Path.Combine(Directory, MirrorSeeder.MirrorFileName);

    public string BaseUrl { get; private set; } = "";

    public string Api => BaseUrl + "/api/data/v9.2/";

    public string Thumbprint { get; private set; } = "";

    public HttpClient Client { get; private set; } = null!;

    public string Token { get; private set; } = "";

    protected virtual IEnumerable<string> Settings => [];

    public async ValueTask InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        lock (SeededMirror)
        {
            File.Copy(SeededMirror.Value, MirrorPath);
        }

        _app = EmulatorHost.Build(["--Emulator:MirrorPath=" + MirrorPath, "--urls", "https://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. Settings]);
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single().TrimEnd('/');
        Thumbprint = File.ReadAllText(Path.Combine(Directory, "emulator-cert.sha256")).Trim();
        Client = new HttpClient(PinnedHandler(Thumbprint));
        Token = await AcquireToken();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    public static SocketsHttpHandler PinnedHandler(string thumbprint) => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && Convert.ToHexStringLower(SHA256.HashData(certificate.GetRawCertData())) == thumbprint,
        },
    };

    public async Task<string> AcquireToken(string secret = ClientSecret)
    {
        using var response = await RequestToken(secret);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    public Task<HttpResponseMessage> RequestToken(string secret, string clientId = ClientId, string? scope = null) =>
        Client.PostAsync($"{BaseUrl}/{TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope ?? BaseUrl + "/.default",
        }));

    // A Web API request with the headers compose lists; extra headers such as Prefer or If-Match per call.
    public async Task<HttpResponseMessage> Send(HttpMethod method, string relative, object? body = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, relative.StartsWith("https://", StringComparison.Ordinal) ? relative : Api + relative);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("OData-MaxVersion", "4.0");
        request.Headers.Add("OData-Version", "4.0");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request);
    }

    public async Task<JsonElement> GetJson(string relative, params (string Name, string Value)[] headers)
    {
        using var response = await Send(HttpMethod.Get, relative, null, headers);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public string Scalar(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + MirrorPath + ";Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}

public sealed class ExpiringTokenFixture : EmulatorFixture
{
    protected override IEnumerable<string> Settings => ["--Emulator:TokenLifetimeSeconds=1"];
}

public sealed class FaultFixture : EmulatorFixture
{
    protected override IEnumerable<string> Settings => ["--Emulator:Faults:ThrottleEveryN=3", "--Emulator:Faults:RetryAfterSeconds=7"];
}
