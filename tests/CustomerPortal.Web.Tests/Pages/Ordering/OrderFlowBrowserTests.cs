using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CustomerPortal.Web.Tests.Pages.Ordering;

// The order flow by clicking, in Debian's Chromium against the portal on a real Kestrel port.
[Collection(Browser.BrowserPortal.Collection)]
public sealed class OrderFlowBrowserTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Fact]
    public async Task ABuyerCreatesAndSubmitsAnOrderByClicking()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.True(Environment.GetEnvironmentVariable("CUSTOMERPORTAL_REQUIRE_BROWSER") != "1", $"{ChromiumPath} is missing.");
            Assert.Skip($"{ChromiumPath} is not installed (apt-get install chromium).");
        }

        using var portal = new OrderingPortal();
        portal.UseKestrel(0);
        portal.StartServer();
        var baseUrl = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var item = portal.Mirror.PricedItemNumbersOf(Personas.AuthorizedUser, quantityDecimals: 0)[0];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseUrl, Locale = "en-US" });

        await Browser.BrowserPortal.SignInAsync(page, Personas.AuthorizedUser, Personas.Password, portal.ServerLog);

        await page.GotoAsync("/Orders");
        await page.ClickAsync("#new-order");
        await page.FillAsync("#Input_RequestedReceiptDate", OrderingFlow.RequestedDate());
        await page.FillAsync("#Input_RequisitionNumber", "PO-BROWSER");
        await page.ClickAsync("#information-next");

        await page.FillAsync("#add-item", item);
        await page.FillAsync("#add-quantity", "4");
        await page.ClickAsync("#add-submit");
        await page.WaitForSelectorAsync($"#draft-lines tr[data-item='{item}']");
        await page.ClickAsync("#items-next");

        await page.WaitForSelectorAsync("#review-lines");
        await page.ClickAsync("#submit-order");
        await page.WaitForSelectorAsync("#order-submitted");

        var number = page.Url.Split('/')[^1];
        Assert.StartsWith("CP-", number, StringComparison.Ordinal);
        Assert.Equal("PO-BROWSER", portal.Mirror.OrderWithLines(number)?.RequisitionNumber);
        await page.GotoAsync("/Orders?search=" + number);
        Assert.Equal(1, await page.Locator($"table tbody a:text-is('{number}')").CountAsync());
    }
}
