using CustomerPortal.Web.Tests.Browser;
using CustomerPortal.Web.Tests.Isolation;

namespace CustomerPortal.Web.Tests.Branding;

// The demo's example brand in a real browser: its colours, logo and Markdown pages pass axe-core (no serious or
// critical violation) at a desktop and a phone width, and the theme breaks no Content-Security-Policy rule.
[Collection(BrowserPortal.Collection)]
public sealed class BrandedAccessibilityTests(SeededPortalData data)
{
    [Fact]
    public async Task BrandedPagesHaveNoSeriousOrCriticalViolationAndKeepTheContentSecurityPolicy()
    {
        await using var browser = await BrowserPortal.StartAsync(data, portal => BrandedPortal.AddDemoBrand(portal.DataDirectory));
        var audit = new PageAudit(await PortalRoute.DiscoverAsync(browser.Portal.Services), [1366, 390], ["serious", "critical"]);
        var (context, page, cspViolations) = await browser.NewPageAsync();
        await using (new BrowsingSession(context, page))
        {
            foreach (var url in (string[])["/about", "/about/terms", "/about/privacy", "/about/shipping", "/Identity/Account/Login"])
            {
                await audit.VisitAsync(page, "anonymous", url, url);
            }

            await BrowserPortal.SignInAsync(page, Personas.Representative, Personas.Password, browser.Portal.ServerLog);
            foreach (var url in (string[])["/", "/Orders", "/Products"])
            {
                await audit.VisitAsync(page, "representative", url, url);
            }

            // The theme is a stylesheet the page loads, with the demo's colours.
            Assert.Equal("27, 77, 62", await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).getPropertyValue('--bs-primary-rgb').trim()"));
            Assert.Contains("rgb(27, 77, 62)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.portal-navbar')).backgroundImage"), StringComparison.Ordinal);
        }

        Assert.True(audit.Failures.Count == 0, string.Join("\n", audit.Failures));
        Assert.Empty(cspViolations);
    }
}
