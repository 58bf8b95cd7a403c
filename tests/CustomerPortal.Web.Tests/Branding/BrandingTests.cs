using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Web.Tests.Onboarding;

namespace CustomerPortal.Web.Tests.Branding;

// A company's brand by configuration: its name, logo, favicon and colours on every page, the generated
// theme stylesheet, its Markdown pages in two languages, and its mails.
public sealed partial class BrandingTests(BrandedPortal portal) : IClassFixture<BrandedPortal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryMainPageShowsTheNameTheLogoTheFaviconAndTheThemeStylesheet()
    {
        using var anonymous = portal.CreatePortalClient();
        using var representative = await portal.SignedInClientAsync(Personas.Representative);
        using var administrator = portal.CreatePortalClient();
        await administrator.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
        var pages = new List<(string Url, IDocument Page)>();
        foreach (var url in (string[])["/Identity/Account/Login", "/Identity/Account/ForgotPassword", "/about", "/about/terms", "/about/shipping"])
        {
            pages.Add((url, await anonymous.GetPageAsync(url)));
        }

        foreach (var url in (string[])["/", "/Orders", "/Invoices", "/Products", "/Account", "/Team", "/Identity/Account/Manage", "/about/privacy"])
        {
            pages.Add((url, await representative.GetPageAsync(url)));
        }

        pages.Add(("/Admin/Users", await administrator.GetPageAsync("/Admin/Users")));
        var (_, notFound) = await anonymous.GetAsync("/about/no-such-page");
        pages.Add(("404", notFound));

        foreach (var (url, page) in pages)
        {
            Assert.True(page.QuerySelector(".navbar-brand .brand-name")?.TextContent.Trim() == BrandedPortal.Name, url);
            Assert.EndsWith(BrandedPortal.Name, page.Title, StringComparison.Ordinal);
            Assert.StartsWith("/brand/logo.svg?v=", page.QuerySelector<IHtmlImageElement>(".navbar-brand img.brand-logo")?.GetAttribute("src") ?? url, StringComparison.Ordinal);
            Assert.StartsWith("/brand/favicon.svg?v=", page.QuerySelector("link[rel=icon]")?.GetAttribute("href") ?? url, StringComparison.Ordinal);
            Assert.Single(page.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.StartsWith("/brand/theme.css?v=", StringComparison.Ordinal));
            Assert.Contains(BrandedPortal.Company, page.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
            var footerLinks = page.QuerySelectorAll<IHtmlAnchorElement>("footer .public-links a").Select(a => new Uri(a.Href).AbsolutePath).ToList();
            Assert.Equal(["/about", "/about/terms", "/about/privacy", "/about/english-only", "/about/raw", "/about/shipping"], footerLinks);
        }
    }

    [Fact]
    public async Task TheThemeStylesheetCarriesTheColoursAndTheFontAndIsKeptByBrowsersUntilItChanges()
    {
        using var client = portal.CreatePortalClient();
        var (pageResponse, page) = await client.GetAsync("/about");
        var themeUrl = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/brand/theme.css", StringComparison.Ordinal));

        using var response = await client.Http.GetAsync(themeUrl, Ct);
        var css = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"--bs-primary: {BrandedPortal.Primary};", css, StringComparison.Ordinal);
        Assert.Contains("--bs-primary-rgb: 27, 77, 62;", css, StringComparison.Ordinal);
        Assert.Contains($"--portal-brand: {BrandedPortal.Primary};", css, StringComparison.Ordinal);
        Assert.Contains($"--portal-accent: {BrandedPortal.Accent};", css, StringComparison.Ordinal);
        Assert.Contains($"--bs-link-color: {BrandedPortal.Accent};", css, StringComparison.Ordinal);
        Assert.Contains("--bs-body-font-family: \"Segoe UI\"", css, StringComparison.Ordinal);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, themeUrl);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await client.Http.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

        // The CSP is unchanged: still no inline style.
        Assert.Contains("style-src 'self';", pageResponse.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLogoIsServedFromTheDataDirectoryAndNothingElseThereIs()
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetPageAsync("/Identity/Account/Login");
        var logoUrl = page.QuerySelector(".navbar-brand img.brand-logo")!.GetAttribute("src")!;

        using var logo = await client.Http.GetAsync(logoUrl, Ct);

        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/svg+xml", logo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(portal.Logo, await logo.Content.ReadAsByteArrayAsync(Ct));
        foreach (var url in (string[])["/brand/mirror.db", "/brand/branding.json", "/brand/logo.png", "/brand/brand/logo.svg", "/brand/%2e%2e/portal.db"])
        {
            var (response, _) = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task AMarkdownPageRendersInEnglishAndInFrenchAndFallsBackToEnglish()
    {
        using var english = portal.CreatePortalClient();
        using var french = portal.CreatePortalClient();
        french.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");

        var terms = await english.GetPageAsync("/about/terms");
        var conditions = await french.GetPageAsync("/about/terms");
        var fallback = await french.GetPageAsync("/about/english-only");

        Assert.Equal("Terms and conditions", terms.QuerySelector("main h1")!.TextContent);
        Assert.Equal("Conditions générales", conditions.QuerySelector("main h1")!.TextContent);
        Assert.StartsWith("Conditions générales – ", conditions.Title, StringComparison.Ordinal);
        Assert.Equal("fr-FR", conditions.DocumentElement.GetAttribute("lang"));
        Assert.NotEmpty(conditions.QuerySelectorAll(".public-page-content h2"));
        // The front matter's title heads the page; the page's text is the English one.
        Assert.Equal("Only in English", fallback.QuerySelector("main h1")!.TextContent);
        Assert.Contains("This page has no French version.", fallback.QuerySelector(".public-page-content")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("title:", fallback.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // Tables (GitHub style) render as tables.
        Assert.NotNull((await english.GetPageAsync("/about/privacy")).QuerySelector(".public-page-content table th"));
    }

    [Fact]
    public async Task RawHtmlInAPageIsShownAsTextAndUnsafeLinksLeadNowhere()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetPageAsync("/about/raw");

        var content = page.QuerySelector(".public-page-content")!;
        Assert.Empty(content.QuerySelectorAll("script"));
        Assert.Empty(content.QuerySelectorAll("b"));
        Assert.Contains("<script>alert('raw')</script>", content.TextContent, StringComparison.Ordinal);
        Assert.Contains("<b>bold</b>", content.TextContent, StringComparison.Ordinal);
        var links = content.QuerySelectorAll("a").ToDictionary(a => a.TextContent, a => a.GetAttribute("href"));
        Assert.Equal("#", links["Run me"]);
        Assert.Equal("https://example.com/a", links["safe"]);
    }

    [Theory]
    [InlineData("/about/no-such-page")]
    [InlineData("/about/..%2Fbranding.json")]
    [InlineData("/about/%2e%2e%2fportal")]
    [InlineData("/about/terms.md")]
    [InlineData("/about/terms.fr")]
    [InlineData("/about/..%5Cmirror")]
    public async Task AnUnknownOrMalformedSlugIsTheFriendlyNotFoundPage(string url)
    {
        using var client = portal.CreatePortalClient();

        var (response, page) = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", page.QuerySelector(".status-code")?.TextContent);
    }

    [Fact]
    public async Task APasswordResetMailCarriesTheNameTheLogoAndTheColoursAndKeepsItsTextPart()
    {
        var email = await portal.CreateUserAsync("Quiet meadow 58 orchard");
        using var client = portal.CreatePortalClient();

        Assert.Equal(HttpStatusCode.Redirect, (await PasswordResetTests.RequestResetAsync(client, email)).StatusCode);

        var mail = Directory.GetFiles(Path.Combine(portal.DataDirectory, "mail-pickup"), "*.eml").Select(File.ReadAllText)
            .Single(m => m.Contains("To: " + email, StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"From: \"{BrandedPortal.Name}\"", mail, StringComparison.Ordinal);
        Assert.True(mail.Contains($"{BrandedPortal.Name} · {BrandedPortal.Company}", StringComparison.Ordinal), mail);
        Assert.Matches(@"https://localhost/Identity/Account/ResetPassword\?\S+", mail);
        var html = Part(mail, "text/html");
        Assert.Contains(BrandedPortal.Name, html, StringComparison.Ordinal);
        Assert.Contains($"background:{BrandedPortal.Primary}", html, StringComparison.Ordinal);
        Assert.Contains("src=\"cid:brand-logo\"", html, StringComparison.Ordinal);
        Assert.Contains("/Identity/Account/ResetPassword?", html, StringComparison.Ordinal);
        Assert.Contains("Content-ID: <brand-logo>", mail, StringComparison.Ordinal);
    }

    // The decoded body of the mail's part with that content type (base64, as the portal writes HTML parts).
    private static string Part(string mail, string contentType)
    {
        var match = PartPattern().Matches(mail).Single(m => m.Groups["type"].Value == contentType);
        return Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(match.Groups["body"].Value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))));
    }

    [GeneratedRegex(@"Content-Type: (?<type>[a-z/]+);[^\r\n]*\r\nContent-Transfer-Encoding: base64\r\n\r\n(?<body>[A-Za-z0-9+/=\r\n]+?)\r\n(\r\n|--)")]
    private static partial Regex PartPattern();
}
