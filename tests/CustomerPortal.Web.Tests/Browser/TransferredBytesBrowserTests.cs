using System.Collections.Concurrent;
using System.Net;
using Microsoft.Playwright;

namespace CustomerPortal.Web.Tests.Browser;

// Issue 16, "light on the wire": what Chromium's network log says the order list costs on the wire
// (every response's headers and its body as it travelled, compressed), once
// with an empty cache and once more in the same browser, and how the static files are cached and compressed.
[Collection(BrowserPortal.Collection)]
public sealed class TransferredBytesBrowserTests(SeededPortalData data)
{
    private const long ColdBudget = 120 * 1024;
    private const long WarmBudget = 20 * 1024;

    [Fact]
    public async Task AColdOrderListTransfersUnder120KBAndAWarmOneUnder20KB()
    {
        await using var browser = await BrowserPortal.StartAsync(data);
        // Signed in elsewhere: the order list opens in a browser that has the cookies and nothing cached.
        var (signIn, signInPage, _) = await browser.NewPageAsync();
        await BrowserPortal.SignInAsync(signInPage, Personas.Representative, Personas.Password, browser.Portal.ServerLog);
        var cookies = await signIn.StorageStateAsync();
        await signIn.CloseAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "en-US", StorageState = cookies });
        var page = await context.NewPageAsync();
        var log = NetworkLog.Start(page);

        var cold = await log.LoadAsync(page, "/Orders");
        var warm = await log.LoadAsync(page, "/Orders");

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"cold /Orders: {cold.Sum(r => r.Bytes):N0} bytes\n{string.Join("\n", cold)}");
        output?.WriteLine($"warm /Orders: {warm.Sum(r => r.Bytes):N0} bytes\n{string.Join("\n", warm)}");
        Assert.Contains(cold, r => r.Type == "document" && r.Status == 200);
        Assert.Contains(cold, r => r.Type == "stylesheet");
        Assert.Contains(cold, r => r.Type == "script");
        Assert.True(cold.Sum(r => r.Bytes) < ColdBudget, $"A cold /Orders transferred {cold.Sum(r => r.Bytes):N0} bytes:\n{string.Join("\n", cold)}");
        Assert.True(warm.Sum(r => r.Bytes) < WarmBudget, $"A warm /Orders transferred {warm.Sum(r => r.Bytes):N0} bytes:\n{string.Join("\n", warm)}");
        // The page itself came compressed; the stylesheets and scripts came from the cache the second time.
        Assert.Contains(cold, r => r.Type == "document" && r.Encoding is "br" or "gzip");
        Assert.DoesNotContain(warm, r => r.Type is "stylesheet" or "script" && r.Bytes > 0);
    }

    [Fact]
    public async Task TheLayoutsFilesAreFingerprintedCachedForAYearAndCompressedAsAsked()
    {
        await using var browser = await BrowserPortal.StartAsync(data);
        var (context, page, cspViolations) = await browser.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login");
        var files = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('link[rel=stylesheet], script[src]')].map(e => e.href || e.src).filter(u => !u.includes('/brand/'))");
        Assert.True(files.Length >= 4, string.Join(", ", files));
        Assert.Empty(cspViolations);
        await context.CloseAsync();

        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });
        foreach (var file in files)
        {
            // The name carries the content's hash (site.abc123xyz.css), so a new release is a new address.
            Assert.Matches(@"\.[a-z0-9]{8,}\.(css|js)$", new Uri(file).AbsolutePath);
            foreach (var encoding in new[] { "br", "gzip" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, file);
                request.Headers.AcceptEncoding.ParseAdd(encoding);
                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
                Assert.True(response.Headers.CacheControl is { MaxAge.TotalDays: >= 365 }, $"{file}: Cache-Control {response.Headers.CacheControl}");
                Assert.Contains("immutable", response.Headers.CacheControl!.Extensions.Select(e => e.Name));
            }
        }
    }

    // One line of the network log: a response and what it cost on the wire (0 when it came from the cache).
    private sealed record Transfer(string Url, string Type, int Status, string? Encoding, long Bytes)
    {
        public override string ToString() => $"  {Bytes,8:N0}  {Status} {Type,-10} {Encoding ?? "-",-5} {Url}";
    }

    // Playwright's record of every request a navigation made: status, encoding and sizes as Chromium's network
    // log has them (response headers plus the body as it travelled, 0 for what came from the cache).
    private sealed class NetworkLog
    {
        private readonly ConcurrentQueue<IRequest> _finished = new();

        public static NetworkLog Start(IPage page)
        {
            var log = new NetworkLog();
            page.RequestFinished += (_, request) => log._finished.Enqueue(request);
            return log;
        }

        // Everything one navigation loaded, once the network is quiet.
        public async Task<List<Transfer>> LoadAsync(IPage page, string url)
        {
            _finished.Clear();
            await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var transfers = new List<Transfer>();
            foreach (var request in _finished.Where(r => !r.Url.StartsWith("data:", StringComparison.Ordinal)))
            {
                var response = await request.ResponseAsync();
                var sizes = await request.SizesAsync();
                transfers.Add(new Transfer(request.Url, request.ResourceType, response?.Status ?? 0,
                    response is null ? null : await response.HeaderValueAsync("content-encoding"), sizes.ResponseHeadersSize + sizes.ResponseBodySize));
            }

            return [.. transfers.OrderByDescending(t => t.Bytes)];
        }
    }
}
