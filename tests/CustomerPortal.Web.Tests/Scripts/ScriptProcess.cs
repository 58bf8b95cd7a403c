using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CustomerPortal.Web.Tests.Scripts;

// One run of ./run.sh or ./run.ps1 in the clone, as a user starts it from the clone's root, with its output
// kept. Disposing kills the whole process tree (the script, the portal and the emulator it started); the
// tests then check that nothing listens on the ports any more.
public sealed class ScriptProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly List<string> _error = [];

    private ScriptProcess(Script script, Process process)
    {
        Script = script;
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Script Script { get; }

    public IReadOnlyList<string> Output => Snapshot(_output);

    public IReadOnlyList<string> Error => Snapshot(_error);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    // bash runs ./run.sh through its shebang line; pwsh runs ./run.ps1 without the caller's profile (a
    // developer's profile must not change what the test sees). The environment is the caller's minus what
    // `dotnet test` adds for itself (MSBuild and VSTest variables), which a user's shell does not have.
    public static ScriptProcess Start(ScriptClone clone, Script script, params string[] arguments)
    {
        var start = script == Script.Bash
            ? new ProcessStartInfo(Path.Combine(clone.Root, "run.sh"))
            : new ProcessStartInfo(clone.Pwsh!) { ArgumentList = { "-NoLogo", "-NoProfile", "-File", Path.Combine(clone.Root, "run.ps1") } };
        start.WorkingDirectory = clone.Root;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        return new ScriptProcess(script, Process.Start(start)!);
    }

    // What a person types at the script's prompt, then the end of input.
    public void Answer(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Close();
    }

    // For the runs that end by themselves (--help, a wrong argument): the exit code, all output read.
    public int WaitForExit(TimeSpan timeout)
    {
        Assert.True(_process.WaitForExit(timeout), $"{Script} did not exit within {timeout}:\n{Transcript()}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    // Polls the portal's liveness endpoint until it answers 200; fails early if the script stops.
    public async Task WaitForHealthzAsync(int port, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"{Script} exited with code {(_process.HasExited ? _process.ExitCode : 0)} before /healthz answered:\n{Transcript()}");
            try
            {
                using var response = await http.GetAsync(new Uri($"http://localhost:{port}/healthz"), TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"{Script}: http://localhost:{port}/healthz did not answer 200 within {timeout}:\n{Transcript()}");
    }

    // Waits until a line of standard output satisfies the condition (the portal prints its sign-ins just after it starts).
    public async Task WaitForOutputAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Any(condition))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{Script}: the expected line did not appear within {timeout}:\n{Transcript()}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public string Transcript() =>
        $"--- output ---\n{string.Join('\n', Output.TakeLast(60))}\n--- errors ---\n{string.Join('\n', Error.TakeLast(30))}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // True while anything accepts connections on localhost:port (IPv4 or IPv6).
    public static bool IsListening(int port)
    {
        foreach (var address in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback })
        {
            try
            {
                using var client = new TcpClient(address.AddressFamily);
                client.Connect(address, port);
                return true;
            }
            catch (SocketException)
            {
            }
        }

        return false;
    }

    private static void Keep(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }
    }

    private static List<string> Snapshot(List<string> lines)
    {
        lock (lines)
        {
            return [.. lines];
        }
    }
}

public enum Script
{
    Bash,
    PowerShell,
}
