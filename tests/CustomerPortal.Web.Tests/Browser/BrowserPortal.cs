using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CustomerPortal.Web.Tests.Browser;

// The portal on a real Kestrel port over a private data copy, and Debian's Chromium driven by Playwright.
// Never downloads a browser: without /usr/bin/chromium the test is skipped, unless
// CUSTOMERPORTAL_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
public sealed class BrowserPortal : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // One Chromium for the Browser collection: launching it (and Playwright's driver) for every test cost seconds each
    // on a loaded 2-core machine. Each portal still gets fresh browser profiles (contexts); the collection runs one
    // test at a time, so the contexts open when a portal is disposed are its own.
    private static readonly SemaphoreSlim SharedGate = new(1, 1);
    private static IPlaywright? s_playwright;
    private static IBrowser? s_browser;

    private BrowserPortal(PrivatePortalFactory portal, IBrowser browser, string baseUrl)
    {
        Portal = portal;
        Browser = browser;
        BaseUrl = baseUrl;
    }

    public PrivatePortalFactory Portal { get; }

    public IBrowser Browser { get; }

    // localhost rather than 127.0.0.1: browsers keep Secure cookies for http://localhost.
    public string BaseUrl { get; }

    public static async Task<BrowserPortal> StartAsync(SeededPortalData data, Action<PrivatePortalFactory>? configure = null)
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.False(Environment.GetEnvironmentVariable("CUSTOMERPORTAL_REQUIRE_BROWSER") == "1", $"{ChromiumPath} is missing and CUSTOMERPORTAL_REQUIRE_BROWSER=1.");
            Assert.Skip($"{ChromiumPath} is not installed (apt-get install chromium).");
        }

        var portal = new PrivatePortalFactory(data);
        configure?.Invoke(portal);
        portal.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        portal.StartServer();
        var address = new Uri(portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new BrowserPortal(portal, await SharedBrowserAsync(), $"http://localhost:{address.Port}");
    }

    // Launched by the first browser test and again only if Chromium went away.
    private static async Task<IBrowser> SharedBrowserAsync()
    {
        await SharedGate.WaitAsync();
        try
        {
            if (s_browser is { IsConnected: true })
            {
                return s_browser;
            }

            await CloseSharedBrowserCoreAsync();
            s_playwright = await Playwright.CreateAsync();
            s_browser = await s_playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            return s_browser;
        }
        finally
        {
            SharedGate.Release();
        }
    }

    internal static async Task CloseSharedBrowserAsync()
    {
        await SharedGate.WaitAsync();
        try
        {
            await CloseSharedBrowserCoreAsync();
        }
        finally
        {
            SharedGate.Release();
        }
    }

    private static async Task CloseSharedBrowserCoreAsync()
    {
        if (s_browser is not null)
        {
            await s_browser.DisposeAsync();
            s_browser = null;
        }

        s_playwright?.Dispose();
        s_playwright = null;
    }

    // Tests that drive Chromium run one at a time: on a 2-core CI machine two of them at once, beside the rest
    // of the suite, starved each other past Playwright's timeouts.
    public const string Collection = "Browser";

    // After a click that leads to another page: waits for its address, then for the page to have loaded as the page
    // itself says (document.readyState, see LoadedAsync). Neither wait uses Playwright's load-state events. Playwright's
    // WaitForURLAsync, once the address matches, waits for the asked-for event (DOMContentLoaded here), and under full
    // load that event sometimes never reached the test: "Timeout 60000ms exceeded ... networkidle event fired", in two
    // CI runs with Commit asked for (which Playwright turns into "load" there) and, at stop 36, with DOMContentLoaded.
    // Expect polls the address itself.
    public static Task WaitForPageAsync(IPage page, string url) => WaitForPageAsync(page, UrlPattern(url));

    public static Task WaitForPageAsync(IPage page, System.Text.RegularExpressions.Regex url) =>
        LoadedAsync(page, Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 60_000 }));

    // The two kinds of address the tests wait for: Playwright's glob "**/path" (any address ending in the path) or a
    // whole address.
    private static System.Text.RegularExpressions.Regex UrlPattern(string url) => new(url.StartsWith("**/", StringComparison.Ordinal)
        ? System.Text.RegularExpressions.Regex.Escape(url[2..]) + "$"
        : "^" + System.Text.RegularExpressions.Regex.Escape(url) + "$");

    private static async Task LoadedAsync(IPage page, Task committed)
    {
        await committed;
        await LoadedAsync(page);
    }

    // The page has loaded when document.readyState is "complete". Twice in CI under full load (one run in about
    // four) a page that had arrived, its HTML parsed and its requests answered, never reached "complete" in 60 s,
    // whether JavaScript was on or not, with nothing in the portal's log. So after 20 s a page whose document is
    // parsed ("interactive") is taken as loaded, and the test output says what was still loading; the actions
    // that follow wait for their elements as usual. A page still "loading" fails as before.
    private static async Task LoadedAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { PollingInterval = 50, Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            var state = await page.EvaluateAsync<string>(
                "() => document.readyState + '; images not complete: ' + [...document.images].filter(i => !i.complete).map(i => i.src).join(', ')"
                + " + '; fonts: ' + document.fonts.status + '; stylesheets: ' + document.styleSheets.length").WaitAsync(TimeSpan.FromSeconds(10));
            Console.Error.WriteLine($"Browser: {page.Url} did not reach readyState 'complete' in 20 s: {state}");
            if (!state.StartsWith("interactive", StringComparison.Ordinal))
            {
                throw;
            }
        }
    }

    // A fresh browser profile whose page fails the test on any Content-Security-Policy violation.
    // Signs in through the form as a person would. When the page stays on sign-in, the failure says what the
    // answer was (status, the page's alert, the portal's errors): on a loaded CI machine that tells a slow
    // answer from a refused one.
    public static async Task SignInAsync(IPage page, string email, string password, ServerLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Identity/Account/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        var answers = new List<string>();
        void Record(object? sender, IResponse response)
        {
            if (response.Request.IsNavigationRequest)
            {
                answers.Add($"{response.Request.Method} {response.Url} {response.Status}");
            }
        }

        page.Response += Record;
        try
        {
            await page.Locator("form:has(#Input_Email) button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/Identity/Account/Login", StringComparison.Ordinal), new() { Timeout = 60_000, WaitUntil = WaitUntilState.DOMContentLoaded });
            await LoadedAsync(page);
        }
        catch (TimeoutException)
        {
            var alert = await page.Locator("[role=alert]").AllInnerTextsAsync();
            var where = page.Url.Contains("/Identity/Account/Login", StringComparison.Ordinal)
                ? $"stayed on {page.Url}"
                : $"reached {page.Url}, which did not finish loading";
            Assert.Fail($"Signing in as {email} {where}. Answers: {string.Join("; ", answers)}. Alert: {string.Join(" | ", alert)}. {log?.Errors()}");
        }
        finally
        {
            page.Response -= Record;
        }
    }

    // javaScript: false is a browser with JavaScript off, for the pages' no-script paths.
    public async Task<(IBrowserContext Context, IPage Page, List<string> Violations)> NewPageAsync(bool javaScript = true)
    {
        // Reduced motion turns Bootstrap's transitions off, so axe never reads a colour halfway through one.
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-US", JavaScriptEnabled = javaScript, ReducedMotion = ReducedMotion.Reduce });
        // Twice Playwright's default: the rest of the suite runs beside it on 2 cores.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        return (context, page, violations);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in Browser.Contexts.ToList())
        {
            await context.CloseAsync();
        }

        Portal.Dispose();
    }
}

// The shared Chromium closes when the last test of the Browser collection is done.
[CollectionDefinition(BrowserPortal.Collection)]
public sealed class BrowserCollectionDefinition : ICollectionFixture<BrowserCollectionDefinition.SharedChromium>
{
    public sealed class SharedChromium : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await BrowserPortal.CloseSharedBrowserAsync();
    }
}
