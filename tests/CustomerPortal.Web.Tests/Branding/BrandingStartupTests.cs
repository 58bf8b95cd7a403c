using System.Net;

namespace CustomerPortal.Web.Tests.Branding;

// Without a brand the portal looks as it always did and still has a home, terms and privacy page for
// visitors; a brand that cannot work stops start-up with a message naming the key.
public sealed class BrandingStartupTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly PortalTexts Text = PortalTexts.English;

    [Fact]
    public async Task WithoutABrandThePortalHasItsBuiltInNameMarkAndPublicPages()
    {
        using var client = portal.CreatePortalClient();

        var home = await client.GetPageAsync("/about");
        var terms = await client.GetPageAsync("/about/terms");
        var (missing, _) = await client.GetAsync("/about/shipping");

        Assert.Equal(Text["App.Name"], home.QuerySelector(".navbar-brand .brand-name")!.TextContent.Trim());
        Assert.NotNull(home.QuerySelector(".navbar-brand svg.brand-mark"));
        // wwwroot's favicon, by the name that carries its hash (MapStaticAssets).
        Assert.Matches("^/favicon\\.[a-z0-9]+\\.svg$", home.QuerySelector("link[rel=icon]")!.GetAttribute("href"));
        Assert.Equal(Text["Public.Home.Title", Text["App.Name"]], home.QuerySelector("main h1")!.TextContent);
        Assert.NotNull(home.QuerySelector(".public-access a[href='/Identity/Account/Login']"));
        Assert.Equal(Text["Public.Terms.Title"], terms.QuerySelector("main h1")!.TextContent);
        Assert.NotNull(terms.QuerySelector(".public-page-placeholder"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task WithoutABrandTheThemeKeepsTodaysColours()
    {
        using var client = portal.CreatePortalClient();
        var themeUrl = (await client.GetPageAsync("/about")).QuerySelectorAll("link[rel=stylesheet]")
            .Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/brand/theme.css", StringComparison.Ordinal));

        var css = await client.Http.GetStringAsync(themeUrl, TestContext.Current.CancellationToken);

        Assert.Contains("--portal-brand: #0b4f8a;", css, StringComparison.Ordinal);
        Assert.Contains("--portal-accent: #0a5fb4;", css, StringComparison.Ordinal);
        Assert.DoesNotContain("--bs-link-color:", css, StringComparison.Ordinal);
    }

    // Decided in the README (Branding): unreadable colours stop start-up with the measured ratio rather than
    // being changed behind the company's back.
    [Theory]
    [InlineData("Branding:AccentColor", "#ff8800", "2.39:1 with white text on it")]
    [InlineData("Branding:PrimaryColor", "#7fb3d5", "2.25:1 with white text on it")]
    [InlineData("Branding:AccentColor", "#0b72d6", "4.37:1 with the page background #f3f5f8")]
    public async Task AColourThatFailsWcagAaStopsStartUpNamingTheKeyAndTheRatio(string key, string colour, string ratio)
    {
        await using var misconfigured = new ConfiguredPortalFactory(portal.Data, (key, colour));

        var error = Assert.Throws<InvalidOperationException>(() => misconfigured.CreateClient());

        Assert.StartsWith(key + ": " + colour, error.Message, StringComparison.Ordinal);
        Assert.Contains(ratio, error.Message, StringComparison.Ordinal);
        Assert.Contains("4.5:1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Branding:PrimaryColor", "blue", "is not a colour")]
    [InlineData("Branding:LogoFile", "brand/none.svg", "does not exist")]
    [InlineData("Branding:FaviconFile", "mirror.db", "is not an svg, png, webp or ico file")]
    [InlineData("Branding:FontStack", "Arial; } body { display: none", "is not a font list")]
    public async Task AnUnusableBrandSettingStopsStartUpNamingTheKey(string key, string value, string explanation)
    {
        await using var misconfigured = new ConfiguredPortalFactory(portal.Data, (key, value));

        var error = Assert.Throws<InvalidOperationException>(() => misconfigured.CreateClient());

        Assert.StartsWith(key + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(explanation, error.Message, StringComparison.Ordinal);
    }
}
