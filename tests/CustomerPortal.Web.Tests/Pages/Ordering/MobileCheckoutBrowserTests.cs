using CustomerPortal.Web.Tests.Browser;
using CustomerPortal.Web.Tests.Isolation;
using Microsoft.Playwright;

namespace CustomerPortal.Web.Tests.Pages.Ordering;

// Issue 13 on a 390 px wide phone, JavaScript on: every step passes axe-core, the items and review steps
// show every line's amount and the total without sideways scrolling, and adding from the search results
// leaves the results and the place on the page as they were.
[Collection(BrowserPortal.Collection)]
public sealed class MobileCheckoutBrowserTests(SeededPortalData data)
{
    private const int Width = 390;

    [Fact]
    public async Task APhoneOrdersThroughEveryStepWithEveryAmountInViewAndNoSeriousAccessibilityViolation()
    {
        await using var browser = await BrowserPortal.StartAsync(data);
        var routes = await PortalRoute.DiscoverAsync(browser.Portal.Services);
        var audit = new PageAudit(routes, [Width], ["serious", "critical"]);
        var items = browser.Portal.Mirror.PricedItemNumbersOf(Personas.Representative, quantityDecimals: 0);
        var (context, page, cspViolations) = await browser.NewPageAsync();
        await using var session = new BrowsingSession(context, page);
        await page.SetViewportSizeAsync(Width, 844);
        await BrowserPortal.SignInAsync(page, Personas.Representative, Personas.Password, browser.Portal.ServerLog);

        await page.GotoAsync("/Orders/New");
        await audit.CheckAsync(page, "representative", "order information");
        // The receipt date is filled in already: "Next" goes straight through.
        await page.Locator("#information-next").ClickAsync();
        await BrowserPortal.WaitForPageAsync(page, "**/Items");
        var itemsUrl = new Uri(page.Url).AbsolutePath;

        await page.Locator("#quick-entry").FillAsync($"{items[0]}, 12\n{items[1]}, 3\n{items[2]}, 250");
        await page.Locator("#quick-entry-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#draft-lines tbody tr")).ToHaveCountAsync(3);
        await AssertAllInViewAsync(page, "#running-total");
        await audit.CheckAsync(page, "representative", "items with three lines");

        await page.GotoAsync(itemsUrl.Replace("/Items", "/Upload", StringComparison.Ordinal));
        await audit.CheckAsync(page, "representative", "upload");

        await page.GotoAsync(itemsUrl);
        await page.Locator("#items-next").ClickAsync();
        await BrowserPortal.WaitForPageAsync(page, "**/Review");
        await AssertAllInViewAsync(page, "#review-total");
        await audit.CheckAsync(page, "representative", "review");

        Assert.True(audit.Failures.Count == 0, string.Join(Environment.NewLine, audit.Failures));
        Assert.Empty(cspViolations);
    }

    [Fact]
    public async Task AnAddFromTheSearchResultsKeepsTheResultsAndThePlaceOnThePage()
    {
        await using var browser = await BrowserPortal.StartAsync(data);
        var item = browser.Portal.Mirror.PricedItemNumbersOf(Personas.Representative, quantityDecimals: 0)[0];
        var (context, page, cspViolations) = await browser.NewPageAsync();
        await using var session = new BrowsingSession(context, page);
        await page.SetViewportSizeAsync(Width, 844);
        await BrowserPortal.SignInAsync(page, Personas.Representative, Personas.Password, browser.Portal.ServerLog);
        await page.GotoAsync("/Orders/New");
        await page.Locator("#information-next").ClickAsync();
        await BrowserPortal.WaitForPageAsync(page, "**/Items");

        // A search by the first characters of an item number: several results.
        await page.Locator("#search").FillAsync(item[..Math.Min(3, item.Length)]);
        await page.Locator("form[role=search] button[type=submit]").ClickAsync();
        var results = page.Locator("#search-results li");
        await Assertions.Expect(results.First).ToBeVisibleAsync();
        var count = await results.CountAsync();
        var url = page.Url;
        var add = page.Locator("#search-results form.result-add-form").Nth(Math.Min(2, count - 1));
        await add.ScrollIntoViewIfNeededAsync();
        var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
        Assert.True(scrolled > 0, "The results should be below the first screen on a phone.");

        await add.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#draft-lines tbody tr")).ToHaveCountAsync(1);
        Assert.Equal(url, page.Url);
        Assert.Equal(count, await results.CountAsync());
        var box = await add.BoundingBoxAsync();
        Assert.True(box is not null && box.Y >= 0 && box.Y + box.Height <= 844, $"The add button left the screen: {box?.Y}.");
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 0, "The page went back to the top.");
        Assert.Empty(cspViolations);
    }

    // Every line's amount, its quantity and "Remove" (items step), and the total are inside the 390 px
    // viewport, and the page is no wider than it.
    private static async Task AssertAllInViewAsync(IPage page, string total)
    {
        var selectors = new[] { ".line-amount", ".stack-quantity", ".stack-price", ".stack-remove button", total };
        foreach (var selector in selectors)
        {
            foreach (var element in await page.Locator(selector).AllAsync())
            {
                await element.ScrollIntoViewIfNeededAsync();
                var box = await element.BoundingBoxAsync();
                Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= Width, $"{selector} at {box?.X}+{box?.Width} on {page.Url}.");
            }
        }

        Assert.True(await page.Locator(total).IsVisibleAsync(), $"{total} is hidden.");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= Width, $"{page.Url} scrolls sideways.");
    }
}
