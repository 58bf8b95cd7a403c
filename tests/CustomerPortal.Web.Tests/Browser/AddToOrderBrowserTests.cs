using System.Text.RegularExpressions;
using CustomerPortal.Core;
using Microsoft.Playwright;

namespace CustomerPortal.Web.Tests.Browser;

// Issue 13, "done when": ordering three known items from the catalogue takes at most 3 clicks plus the
// quantities, with JavaScript (cart.js: the page stays where it is) and without (a post that comes back to the row).
[Collection(BrowserPortal.Collection)]
public sealed class AddToOrderBrowserTests(SeededPortalData data)
{
    private static readonly PortalTexts Text = PortalTexts.English;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ThreeKnownItemsFromTheCatalogueTakeThreeClicksPlusTheQuantities(bool javaScript)
    {
        await using var browser = await BrowserPortal.StartAsync(data);
        var email = await browser.Portal.CreateUserAsync(Personas.Password, PortalRoles.CustomerRepresentative, linkedToContactOf: Personas.Representative);
        var items = browser.Portal.Mirror.PricedItemNumbersOf(Personas.Representative, quantityDecimals: 0).Take(3).ToList();
        var quantities = new[] { "3", "12", "1" };
        var (context, page, cspViolations) = await browser.NewPageAsync(javaScript);
        await BrowserPortal.SignInAsync(page, email, Personas.Password, browser.Portal.ServerLog);
        await page.GotoAsync("/Products");
        await Assertions.Expect(page.Locator("#current-draft")).ToHaveTextAsync(new Regex(Regex.Escape(Text["Cart.None"])));

        var clicks = 0;
        for (var i = 0; i < items.Count; i++)
        {
            // Finding a known item is typing its number in the search box (Enter, not a click).
            await page.Locator("#search").FillAsync(items[i]);
            await page.Locator("#search").PressAsync("Enter");
            var row = page.Locator("tr", new() { Has = page.Locator($"form[data-add-to-order]:has(input[name=itemNumber][value='{items[i]}'])") });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await row.Locator("input[name=quantity]").FillAsync(quantities[i]);
            var url = page.Url;
            if (javaScript)
            {
                await page.EvaluateAsync("() => { window.notReloaded = true; }");
            }

            await row.GetByRole(AriaRole.Button, new() { Name = Text["Cart.Add"] + " " + items[i] }).ClickAsync();
            clicks++;

            var status = page.Locator("#add-to-order-status[aria-live=polite] .alert-success");
            await Assertions.Expect(status).ToContainTextAsync(Text["Cart.Added", quantities[i], items[i]]);
            await Assertions.Expect(page.Locator("#current-draft")).ToContainTextAsync(Text[i == 0 ? "Order.LineCountOne" : "Order.LineCountMany", i + 1]);
            if (javaScript)
            {
                Assert.Equal(url, page.Url);
                Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page reloaded after an add.");
            }
            else
            {
                // Back on the same search, at the row.
                Assert.Matches($"/Products\\?search={Regex.Escape(items[i])}(&[^#]*)?#product-[0-9a-f]{{32}}$", page.Url);
            }
        }

        Assert.Equal(3, clicks);
        var header = (await page.Locator("#current-draft .current-draft-text").InnerTextAsync()).Trim();
        var draftUrl = await page.Locator("#current-draft").GetAttributeAsync("href");
        Assert.Matches("^/Orders/Drafts/[0-9a-f-]{36}/Items$", draftUrl);
        await page.GotoAsync(draftUrl!);
        Assert.Equal(items, await page.Locator("#draft-lines tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.item)"));
        var total = (await page.Locator("#running-total").InnerTextAsync()).Trim();
        Assert.Equal(Text["Cart.Summary", Text["Order.LineCountMany", 3], total], header);
        Assert.Empty(cspViolations);

        if (javaScript)
        {
            // The catalogue with its add controls and a result showing: no serious or critical accessibility violation.
            await page.GotoAsync("/Products");
            await page.Locator("tr form[data-add-to-order] button").First.ClickAsync();
            await Assertions.Expect(page.Locator("#add-to-order-status .alert")).ToHaveCountAsync(1);
            var audit = new PageAudit([], [1366, 390], ["serious", "critical"]);
            await audit.CheckAsync(page, "buyer", "an item just added");
            Assert.True(audit.Failures.Count == 0, string.Join("\n", audit.Failures));
        }

        await context.CloseAsync();
    }
}
