using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CustomerPortal.Data.Dataverse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Testing;

// The Dataverse Web API emulator as its own process over a mirror file, on https://127.0.0.1:<free port>
// with its self-signed certificate, and the settings the portal uses to reach it. Shared (linked) by the
// conformance suite and the page tests: one way to start the emulator. The admin endpoint sets faults at
// run time and counts the Web API requests a page costs.
public sealed class EmulatorProcess : IDisposable
{
    private const string TenantId = "00000000-0000-0000-0000-00000000e001";
    private const string ClientId = "00000000-0000-0000-0000-00000000c001";
    private const string ClientSecret = "emulator-secret";

    private readonly Process _process;
    private readonly string _certificateDirectory;
    private readonly System.Text.StringBuilder _errors = new();

    public EmulatorProcess(string mirrorPath, params string[] extraArguments)
    {
        Port = FreePort();
        _certificateDirectory = Directory.CreateTempSubdirectory("customerportal-emulator-").FullName;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepositoryRoot(), "src", "CustomerPortal.DataverseEmulator", "bin", configuration, "net10.0", "CustomerPortal.DataverseEmulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--urls", BaseUrl, $"--Emulator:MirrorPath={mirrorPath}",
            $"--Emulator:CertificatePath={Path.Combine(_certificateDirectory, "emulator-cert.pfx")}", "--Logging:LogLevel:Default=Warning" }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
        Thumbprint = File.ReadAllText(Path.Combine(_certificateDirectory, "emulator-cert.sha256")).Trim();
    }

    public int Port { get; }

    public string BaseUrl => $"https://127.0.0.1:{Port}";

    public string Thumbprint { get; }

    // Faults at run time (and the fault count restarts): e.g. new { throttleEveryN = 3, retryAfterSeconds = 1 }; new { } clears them.
    public async Task SetFaultsAsync(object faults)
    {
        using var admin = AdminClient();
        using var content = new StringContent(JsonSerializer.Serialize(faults, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync(new Uri($"{BaseUrl}/_emulator/faults"), content);
        response.EnsureSuccessStatusCode();
    }

    // Web API requests that reached the emulator since the last reset (every attempt, whatever it answered).
    public async Task<long> RequestCountAsync()
    {
        using var admin = AdminClient();
        using var counts = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"{BaseUrl}/_emulator/requests")));
        return counts.RootElement.GetProperty("total").GetInt64();
    }

    // The same count by entity set, as the emulator reports it (for assertion messages).
    public async Task<string> RequestsBySetAsync()
    {
        using var admin = AdminClient();
        using var counts = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"{BaseUrl}/_emulator/requests")));
        return counts.RootElement.GetProperty("bySet").GetRawText();
    }

    public async Task ResetRequestCountAsync()
    {
        using var admin = AdminClient();
        using var response = await admin.DeleteAsync(new Uri($"{BaseUrl}/_emulator/requests"));
        response.EnsureSuccessStatusCode();
    }

    public Dictionary<string, string?> PortalSettings(string prefix = "DataSource:Dataverse:") => new()
    {
        [prefix + "ConnectionString"] = $"AuthType=ClientSecret;Url={BaseUrl};ClientId={ClientId};ClientSecret={ClientSecret}",
        [prefix + "Authority"] = $"{BaseUrl}/{TenantId}",
        [prefix + "TrustedCertificateThumbprint"] = Thumbprint,
    };

    // The Dataverse adapter (the real registration, as the portal makes it) pointed at this emulator.
    public ServiceProvider CreateAdapter()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(PortalSettings()).Build();
        return new ServiceCollection().AddDataverse(configuration.GetSection("DataSource:Dataverse")).BuildServiceProvider(validateScopes: true);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        Directory.Delete(_certificateDirectory, recursive: true);
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                lock (_errors)
                {
                    throw new InvalidOperationException($"The emulator exited with code {_process.ExitCode}: {_errors.ToString()[..Math.Min(_errors.Length, 600)]}");
                }
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                if (File.Exists(Path.Combine(_certificateDirectory, "emulator-cert.sha256")))
                {
                    return;
                }
            }
            catch (SocketException)
            {
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException("The emulator did not start listening within 60 s.");
    }

    private HttpClient AdminClient() => new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && Convert.ToHexStringLower(SHA256.HashData(certificate.GetRawCertData())) == Thumbprint,
        },
    });

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find CustomerPortal.sln above the test output folder.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
