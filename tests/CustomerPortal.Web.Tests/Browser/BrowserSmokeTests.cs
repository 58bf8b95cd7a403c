using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CustomerPortal.Web.Tests.Browser;

// One real browser end to end, on Debian's Chromium, against the portal on a real Kestrel port: the
// redirect to sign-in, the demo card's button, the navigation, the order list and an order.
// Never downloads a browser: without /usr/bin/chromium the test is skipped, unless CI demands it.
[Collection(BrowserPortal.Collection)]
public sealed class BrowserSmokeTests(SeededPortalData data)
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string RequireBrowserVariable = "CUSTOMERPORTAL_REQUIRE_BROWSER";
    private static readonly PortalTexts Text = PortalTexts.English;

    [Fact]
    public async Task RepresentativeSignsInFromTheDemoCardAndOpensTheFirstOrder()
    {
        RequireChromium();
        await using var portal = new PortalFactory(data);
        portal.UseKestrel(0);
        portal.StartServer();
        var firstName = portal.Mirror.ContactByEmail(Personas.Representative).FullName.Split(' ')[0];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.ServerAddress.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        try
        {
            // The home page needs a signed-in user: the browser lands on the sign-in page.
            await page.GotoAsync("/");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Identity/Account/Login\\?ReturnUrl=%2F$"));

            await page.GetByRole(AriaRole.Button, new() { Name = Text["Demo.SignInAs", firstName], Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Text["Home.Welcome", Personas.RepresentativeName]);

            await page.GetByRole(AriaRole.Navigation, new() { Name = Text["Layout.MainNavigation"] })
                .GetByRole(AriaRole.Link, new() { Name = Text["Nav.Orders"], Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Text["Orders.Title"]);

            var firstOrder = page.Locator("table tbody tr").First.GetByRole(AriaRole.Link);
            var number = (await firstOrder.TextContentAsync())!.Trim();
            await firstOrder.ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/Orders/{Regex.Escape(number)}(\\?|$)"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Text["Order.Title", number]);
            var lines = page.GetByRole(AriaRole.Table, new() { Name = Text["Order.LinesCaption", number] }).Locator("tbody tr");
            await Assertions.Expect(lines.First).ToBeVisibleAsync();
            Assert.Equal(portal.Mirror.Lines(number).Count, await lines.CountAsync());
        }
        finally
        {
            await SaveScreenshotAsync(page, "order-details.png");
        }
    }

    private static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        var reason = $"{ChromiumPath} is missing (apt-get install chromium); the browser smoke test needs Debian's Chromium and never downloads one.";
        if (Environment.GetEnvironmentVariable(RequireBrowserVariable) == "1")
        {
            Assert.Fail($"{reason} {RequireBrowserVariable}=1 requires it.");
        }

        Assert.Skip(reason);
    }

    // Into the test output folder (bin/.../playwright/) and attached to the test result.
    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "playwright"));
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder.FullName, fileName), FullPage = true });
        TestContext.Current.AddAttachment(fileName, bytes, "image/png");
    }
}
