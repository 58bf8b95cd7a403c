using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.Web.Tests.Security;

public sealed class SecurityBaselineTests(SeededPortalData data) : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _portal = new(data);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/healthz")]
    [InlineData("/css/site.css")]
    [InlineData("/Orders/NO-SUCH-ORDER")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url)
    {
        using var client = _portal.CreatePortalClient();

        var response = await client.Http.GetAsync(url, Ct);

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    // The account's orders as CSV and the customer's prices as JSON are private like the pages (issue 10).
    [Theory]
    [InlineData("/Orders?handler=Export")]
    [InlineData("/Orders")]
    public async Task PrivateAnswersAreNeverStoredByACacheWhileStaticFilesAre(string url)
    {
        using var client = _portal.CreatePortalClient();
        await client.SignInAsync(Personas.Representative, Personas.Password);

        var response = await client.Http.GetAsync(url, Ct);
        var stylesheet = await client.Http.GetAsync("/css/site.css", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: Cache-Control {response.Headers.CacheControl}");
        Assert.NotEqual(true, stylesheet.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData(Personas.Representative, Personas.Password)]
    [InlineData(Personas.AuthorizedUser, Personas.Password)]
    [InlineData(Personas.Administrator, Personas.AdministratorPassword)]
    public async Task NoPageHasInlineScriptOrStyleAndEveryPostFormHasAnAntiforgeryToken(string email, string password)
    {
        using var client = _portal.CreatePortalClient();
        var anonymousPages = new[] { "/Identity/Account/Login", "/Invitation?code=unknown" };
        var inspected = 0;
        foreach (var url in anonymousPages)
        {
            inspected += await AssertCleanAsync(client, url) ? 1 : 0;
        }

        await client.SignInAsync(email, password);
        foreach (var url in await PageUrls.ForSignedInAsync(client))
        {
            inspected += await AssertCleanAsync(client, url) ? 1 : 0;
        }

        // The sweep only proves something if it reached real pages: every persona has at least these many.
        Assert.True(inspected >= 6, $"Only {inspected} pages answered with content for {email}.");
    }

    [Fact]
    public async Task SignInCookieIsSecureHttpOnlyAndSameSite()
    {
        using var client = _portal.CreatePortalClient();
        var page = await client.GetPageAsync("/Identity/Account/Login");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Elements["Input.Email"] is not null);

        var response = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Email"] = Personas.Representative,
            ["Input.Password"] = Personas.Password,
        });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("CustomerPortal.Auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
    }

    // Issue 16: the header reads TempData on every signed-in page; with no message to keep, the answer sets no
    // TempData cookie (ASP.NET Core's provider deleted one the browser never had, on every page).
    [Fact]
    public async Task ASignedInPageWithNoMessageSetsNoTempDataCookie()
    {
        using var client = _portal.CreatePortalClient();
        await client.SignInAsync(Personas.Representative, Personas.Password);

        var (response, _) = await client.GetAsync("/Orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostWithoutAntiforgeryTokenIsRefused()
    {
        using var client = _portal.CreatePortalClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Personas.Representative,
            ["Input.Password"] = Personas.Password,
        });

        var response = await client.Http.PostAsync("/Identity/Account/Login", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("CustomerPortal.Auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DataProtectionKeysArePersistedUnderTheDataDirectory()
    {
        using var client = _portal.CreatePortalClient();
        await client.GetPageAsync("/Identity/Account/Login");

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(data.DataDirectory, "keys"), "key-*.xml"));
    }

    // Error pages are customer-facing too, so every answer with a body is inspected; a 5xx fails outright.
    // True when the answer had content to inspect (not a redirect).
    private static async Task<bool> AssertCleanAsync(PortalClient client, string url)
    {
        var (response, document) = await client.GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}.");
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            return false;
        }

        Assert.All(document.QuerySelectorAll("script"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), $"{url} has an inline script."));
        Assert.Empty(document.QuerySelectorAll("[style]").Select(e => $"{url}: {e.OuterHtml[..Math.Min(80, e.OuterHtml.Length)]}"));
        var handlers = document.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => $"{url}: {a.Name}");
        Assert.Empty(handlers);
        Assert.Empty(document.QuerySelectorAll("a[href^='javascript:']"));
        foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form").Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
        {
            Assert.True(form.Elements["__RequestVerificationToken"] is not null, $"A post form on {url} has no antiforgery token.");
        }

        return true;
    }
}
