using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using CustomerPortal.Testing;
using CustomerPortal.Web.Tests.Instances;

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
        using var portal = new PortalProcess(copy.DataDirectory,
            [("Portal:DemoMode", "false"), ("DataSource:Provider", "Dataverse"), .. emulator.PortalSettings().Select(s => (s.Key, s.Value))], published);
        await portal.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));

        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        using var report = JsonDocument.Parse(await http.GetStringAsync("/healthz/ready", Ct));
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var signIn = await http.GetAsync("/Identity/Account/Login", Ct);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var stylesheet = System.Text.RegularExpressions.Regex.Match(await signIn.Content.ReadAsStringAsync(Ct), "<link[^>]+href=\"(/[^\"]+\\.css[^\"]*)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(stylesheet, Ct)).StatusCode);
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

    private sealed record Started(Process Process, StringBuilder Output) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }
}
