using CustomerPortal.Web.Tests.Onboarding;
using Microsoft.Playwright;

namespace CustomerPortal.Web.Tests.Browser;

[Collection(BrowserPortal.Collection)]
public sealed class InvitationJourneyTests(SeededPortalData data)
{
    [Fact]
    public async Task AdministratorInvitesContactRedeemsSignsInAgainAndSeesOwnOrders()
    {
        await using var browser = await BrowserPortal.StartAsync(data);

        // The administrator invites the prepared demo contact; the page shows the pickup-folder link.
        var (adminContext, admin, adminViolations) = await browser.NewPageAsync();
        await BrowserPortal.SignInAsync(admin, Personas.Administrator, Personas.AdministratorPassword, browser.Portal.ServerLog);
        await admin.GotoAsync("/Admin/Invitations?search=invitee");
        var row = admin.Locator("tr", new() { HasText = DemoContacts.PreparedEmail });
        await row.Locator("select[name='Input.Role']").SelectOptionAsync("AuthorizedUser");
        await row.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        var link = await admin.Locator("a.invitation-link").GetAttributeAsync("href");
        Assert.NotNull(link);
        Assert.Equal(PortalSteps.PathOf(link), PortalSteps.PathOf(PortalSteps.LinkFromPickupFolder(browser.Portal.DataDirectory, DemoContacts.PreparedEmail)));
        await adminContext.CloseAsync();

        // The invitee opens the link, chooses a password and is signed in.
        var (context, page, violations) = await browser.NewPageAsync();
        await page.GotoAsync(PortalSteps.PathOf(link));
        await page.GetByLabel("New password").FillAsync(DemoContacts.NewPassword);
        await page.GetByLabel("Repeat the password").FillAsync(DemoContacts.NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my access" }).ClickAsync();
        await BrowserPortal.WaitForPageAsync(page, browser.BaseUrl + "/");
        Assert.Contains("Iris Invitee", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        // Signs out through the user menu (Bootstrap's script runs under the CSP), then in again.
        await page.Locator("nav .dropdown-toggle").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await BrowserPortal.WaitForPageAsync(page, "**/Identity/Account/Login");
        await BrowserPortal.SignInAsync(page, DemoContacts.PreparedEmail, DemoContacts.NewPassword, browser.Portal.ServerLog);

        // Sees the orders where Iris is the contact person, and nothing else.
        await page.GotoAsync("/Orders");
        var numbers = await page.Locator("table tbody a[href^='/Orders/']").AllInnerTextsAsync();
        var contactId = DemoContacts.IdOf(data, DemoContacts.PreparedEmail);
        var own = MirrorQueries.Open(browser.Portal.MirrorPath).OrderNumbersWithContactPerson(contactId);
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.Contains(n.Trim(), own));
        Assert.Empty(violations);
        Assert.Empty(adminViolations);
        await context.CloseAsync();
    }
}
