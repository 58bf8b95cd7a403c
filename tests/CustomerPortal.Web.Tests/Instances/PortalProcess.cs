using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CustomerPortal.Web.Tests.Instances;

// The portal (CustomerPortal.Web.dll) as its own process on http://127.0.0.1:<free port>, started as run.sh
// starts it, or from a `dotnet publish` folder: what an operator runs behind a load balancer, not the
// in-process test host. Settings come after run.sh's, so they win (e.g. Portal:DemoMode=false).
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public PortalProcess(string dataDirectory, IEnumerable<(string Key, string? Value)> settings, string? publishedDirectory = null)
    {
        Port = FreePort();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var web = publishedDirectory ?? Path.Combine(SeededPortalData.RepositoryRoot, "src", "CustomerPortal.Web");
        var dll = publishedDirectory is null ? Path.Combine(web, "bin", configuration, "net10.0", "CustomerPortal.Web.dll") : Path.Combine(web, "CustomerPortal.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = web };
        // Production, as deployed: Secure cookies, no developer exception page.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The status-mail worker off, as in PortalFactory: its polls would count among a page's Dataverse requests.
        foreach (var argument in new[] { dll, "--contentRoot", web,
                     "--urls", BaseUrl, $"--Portal:DataDirectory={dataDirectory}", "--Portal:DemoMode=true", "--Logging:LogLevel:Default=Warning",
                     "--StatusMails:Enabled=false" }
                     .Concat(settings.Select(s => $"--{s.Key}={s.Value}")))
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    // What the process wrote so far (its warnings and errors), for a failing assertion's message.
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    // Waits for /healthz/ready: the portal store migrated and the data source answering.
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode}: {Output}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri(BaseUrl + "/healthz/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The portal on {BaseUrl} was not ready within {timeout.TotalSeconds} s: {Output}");
    }

    // A browser-like client of this process; cookies come from the jar, so several processes can share one browser.
    public PortalClient CreateClient(CookieJar cookies) =>
        new(new HttpClient(new CookieJarHandler(cookies) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false } })
        {
            BaseAddress = new Uri(BaseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        });

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        lock (_output)
        {
            if (line is not null && _output.Length < 20_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

// One browser's cookies by name. The portal's cookies are Secure outside Development; a browser sends
// them to http://127.0.0.1 (a secure context), HttpClient's CookieContainer would not.
public sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = [];

    public string? Header()
    {
        lock (_cookies)
        {
            return _cookies.Count == 0 ? null : string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));
        }
    }

    public bool Has(string name)
    {
        lock (_cookies)
        {
            return _cookies.ContainsKey(name);
        }
    }

    // Another browser holding the same cookies, as someone who copied them would.
    public CookieJar Copy()
    {
        var copy = new CookieJar();
        lock (_cookies)
        {
            foreach (var (name, value) in _cookies)
            {
                copy._cookies[name] = value;
            }
        }

        return copy;
    }

    public void Take(IEnumerable<string> setCookies)
    {
        lock (_cookies)
        {
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';', 2)[0];
                var (name, value) = (pair.Split('=', 2)[0].Trim(), pair.Split('=', 2)[1].Trim());
                var expired = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                if (value.Length == 0 || expired)
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }
    }
}

internal sealed class CookieJarHandler(CookieJar cookies) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (cookies.Header() is { } header)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            cookies.Take(setCookies);
        }

        return response;
    }
}
