using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CustomerPortal.Testing;

namespace CustomerPortal.Web.Tests.GoLive;

// The operations guide's first steps as an operator runs them: `dotnet publish`, `create-admin` from the
// published folder, then the published portal (its own appsettings and wwwroot, no source tree) in
// Dataverse mode against the emulator, answering /healthz/ready and serving its pages and static files.
public sealed class PublishedPortalTests(SeededPortalData data)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePublishedPortalBootstrapsAndStartsReadyAgainstTheEmulator()
    {
        using var copy = new PrivatePortalFactory(data);
        var published = Path.Combine(copy.DataDirectory, "published");
        // --no-build: `./run.sh test` has just built Release; publishing only copies what the tests run.
        var publish = await RunAsync(SeededPortalData.RepositoryRoot, "dotnet", "publish", Path.Combine("src", "CustomerPortal.Web"), "-c", "Release", "--no-build", "-nologo", "-o", published);
        Assert.True(publish.Exit == 0, publish.Output);

        File.Delete(copy.PortalStorePath);
        var bootstrap = await RunAsync(published, "dotnet", ["CustomerPortal.Web.dll", "create-admin", "--email", "it@contoso.example", $"--Portal:DataDirectory={copy.DataDirectory}"],
            environment: ("PORTAL_ADMIN_PASSWORD", "Quiet harbour 58 lanterns"));
        Assert.True(bootstrap.Exit == 0, bootstrap.Output);

        using var emulator = new EmulatorProcess(copy.MirrorPath);
        var port = FreePort();
        string[] arguments = ["CustomerPortal.Web.dll", "--urls", $"http://127.0.0.1:{port}", $"--Portal:DataDirectory={copy.DataDirectory}", "--DataSource:Provider=Dataverse",
            .. emulator.PortalSettings().Select(s => $"--{s.Key}={s.Value}")];
        using var portal = Start(published, "dotnet", arguments, []);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = await PollReadyAsync(http, portal.Process);
            using var report = JsonDocument.Parse(ready);
            Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());

            var signIn = await http.GetAsync("/Identity/Account/Login", Ct);
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            var stylesheet = System.Text.RegularExpressions.Regex.Match(await signIn.Content.ReadAsStringAsync(Ct), "<link[^>]+href=\"(/[^\"]+\\.css[^\"]*)\"").Groups[1].Value;
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(stylesheet, Ct)).StatusCode);
        }
        finally
        {
            portal.Process.Kill(entireProcessTree: true);
        }
    }

    private static async Task<string> PollReadyAsync(HttpClient http, Process portal)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(portal.HasExited, "The published portal stopped before it was ready.");
            try
            {
                var response = await http.GetAsync("/healthz/ready", Ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadAsStringAsync(Ct);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, Ct);
        }

        throw new TimeoutException("The published portal did not answer /healthz/ready with 200 within 90 s.");
    }

    private static async Task<(int Exit, string Output)> RunAsync(string directory, string file, string[] arguments, params (string Name, string Value)[] environment)
    {
        using var run = Start(directory, file, arguments, environment);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        await run.Process.WaitForExitAsync(timeout.Token);
        return (run.Process.ExitCode, run.Output.ToString());
    }

    private static Task<(int Exit, string Output)> RunAsync(string directory, string file, params string[] arguments) => RunAsync(directory, file, arguments, []);

    private static Started Start(string directory, string file, string[] arguments, (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Started(process, output);

        static void Keep(StringBuilder output, string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Started(Process Process, StringBuilder Output) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }
}
