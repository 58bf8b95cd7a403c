using System.Text.RegularExpressions;
using CustomerPortal.Web.Tests.Isolation;
using CustomerPortal.Web.Tests.Pages.Ordering;
using Microsoft.Playwright;

namespace CustomerPortal.Web.Tests.Browser;

// axe-core over every page the portal serves, found in its endpoint table, as each persona at a desktop
// and a phone width. Any serious or critical violation fails, named by rule, page, width and element.
// Pages that need route values get them from what the persona can see: its first order, a draft it
// starts. Each page's <title> must say which page it is: two different pages may not share one.
[Collection(BrowserPortal.Collection)]
public sealed class AccessibilityTests(SeededPortalData data)
{
    private static readonly int[] Widths = [1366, 390];
    private static readonly string[] FailingImpacts = ["serious", "critical"];
    private static readonly PortalTexts Text = PortalTexts.English;

    // Pages no GET can show: the language switch only redirects; the second sign-in step needs a
    // sign-in in progress of a user with an authenticator, which the demo has not.
    private static readonly string[] NotShownByAGet = ["/Culture", "/Account/LoginWith2fa"];

    [Fact]
    public async Task NoPageHasASeriousOrCriticalViolationAtDesktopOrPhoneWidthAndEachPageHasItsOwnTitle()
    {
        await using var browser = await BrowserPortal.StartAsync(data, portal => portal.Set("Registration:AllowSelfRegistration", "true"));
        var routes = await PortalRoute.DiscoverAsync(browser.Portal.Services);
        var audit = new PageAudit(routes, Widths, FailingImpacts);
        // A page routed as both "X/Index" and "X" is visited once.
        var toVisit = routes.Where(r => !NotShownByAGet.Contains(r.Page)).GroupBy(r => r.Page).Select(g => g.MinBy(r => r.Template.Length)!).ToList();

        // The administrator first: the invitation it sends is opened by the anonymous visitor.
        string invitationLink;
        await using (var session = await SignedInAsync(browser, Personas.Administrator, Personas.AdministratorPassword))
        {
            var admin = session.Page;
            await audit.VisitAllAsync(admin, "administrator", toVisit, PersonaValues.None);
            await admin.GotoAsync("/Admin/Invitations?search=invitee");
            var row = admin.Locator("tr", new() { HasText = Onboarding.DemoContacts.PreparedEmail });
            await row.Locator("select[name='Input.Role']").SelectOptionAsync("AuthorizedUser");
            await row.GetByRole(AriaRole.Button, new() { Name = Text["Invitations.Invite"] }).ClickAsync();
            invitationLink = new Uri((await admin.Locator("a.invitation-link").GetAttributeAsync("href"))!).PathAndQuery;
            await audit.CheckAsync(admin, "administrator", "an invitation just sent");
        }

        foreach (var (persona, label) in new[] { (Personas.Representative, "representative"), (Personas.AuthorizedUser, "authorized user") })
        {
            await using var session = await SignedInAsync(browser, persona, Personas.Password);
            var page = session.Page;
            var values = await CustomerValuesAsync(page, browser.Portal.Mirror.PricedItemNumbersOf(persona)[0]);
            await audit.VisitAllAsync(page, label, toVisit, values);
            await audit.VisitAsync(page, label, "/StatusCode", "/no-such-page");

            if (persona != Personas.Representative)
            {
                continue;
            }

            // The dashboard (issue 11), checked above as "/", once more with its spend table open; the late-only list the
            // dashboard links to, and a late order with its timeline.
            await page.GotoAsync("/");
            await Assertions.Expect(page.Locator("#dashboard-spend svg[role=img]").First).ToBeVisibleAsync();
            await page.Locator("#dashboard-spend details summary").First.ClickAsync();
            await Assertions.Expect(page.Locator("#dashboard-spend details table").First).ToBeVisibleAsync();
            await audit.CheckAsync(page, label, "the dashboard with its spend table open");
            await audit.VisitAsync(page, label, "/Orders/Index", "/Orders?progress=Late&sort=ReceiptDateAscending");
            var late = browser.Portal.Mirror.OrdersOfAccountOf(persona).First(o => o.IsLateOn(PortalFactory.Today));
            await audit.VisitAsync(page, label, "/Orders/Details", "/Orders/" + late.Number);

            // A validation message on the items step (same markup for both customer roles: checked once).
            await page.GotoAsync($"/Orders/Drafts/{values.DraftId}/Items");
            await page.Locator("#add-item").FillAsync("NO-SUCH-ITEM-42");
            await page.Locator("#add-submit").ClickAsync();
            await Assertions.Expect(page.Locator("#add-item-error")).Not.ToBeEmptyAsync();
            await audit.CheckAsync(page, label, "a validation error");
        }

        await using (var session = await AnonymousAsync(browser))
        {
            // A reset link's code is checked on the post; any code shows the form.
            var anonymous = session.Page;
            await audit.VisitAllAsync(anonymous, "anonymous", toVisit, PersonaValues.None with { ResetPasswordQuery = "?email=rep%40contoso.example&code=axe" });
            await audit.VisitAsync(anonymous, "anonymous", "/Invitation", invitationLink);

            // A refused sign-in shows its error summary.
            await anonymous.GotoAsync("/Identity/Account/Login");
            await anonymous.Locator("#Input_Email").FillAsync(Personas.Representative);
            await anonymous.Locator("#Input_Password").FillAsync("not the password");
            await anonymous.Locator("form:has(#Input_Email) button[type=submit]").ClickAsync();
            await Assertions.Expect(anonymous.GetByText(Text["Login.Invalid"])).ToBeVisibleAsync();
            await audit.CheckAsync(anonymous, "anonymous", "a refused sign-in");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(audit.Summary());
        Assert.True(audit.Checks > 40, audit.Summary());
        var unvisited = routes.Select(r => r.Page).Except(audit.VisitedPages).Except(NotShownByAGet).ToList();
        Assert.True(unvisited.Count == 0, "Pages no persona reached: " + string.Join(", ", unvisited));
        Assert.True(audit.Failures.Count == 0, $"{audit.Failures.Count} serious or critical accessibility violations:\n" + string.Join("\n", audit.Failures));
        Assert.Empty(audit.SharedTitles);
    }

    private static async Task<BrowsingSession> AnonymousAsync(BrowserPortal browser)
    {
        var (context, page, _) = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(Widths[0], 900);
        return new BrowsingSession(context, page);
    }

    private static async Task<BrowsingSession> SignedInAsync(BrowserPortal browser, string email, string password)
    {
        var session = await AnonymousAsync(browser);
        var page = session.Page;
        await BrowserPortal.SignInAsync(page, email, password, browser.Portal.ServerLog);
        return session;
    }

    // The persona's first order and invoice, and a draft it starts with one line, so every wizard step has content.
    internal static async Task<PersonaValues> CustomerValuesAsync(IPage page, string pricedItem)
    {
        await page.GotoAsync("/Orders");
        var orderNumber = (await page.Locator("table tbody tr a[href^='/Orders/']").First.InnerTextAsync()).Trim();
        await page.GotoAsync("/Invoices");
        var invoiceNumber = (await page.Locator("table tbody tr a.invoice-link").First.InnerTextAsync()).Trim();

        await page.GotoAsync("/Orders/New");
        await page.Locator("#Input_RequestedReceiptDate").FillAsync(OrderingFlow.RequestedDate());
        await page.Locator("#information-next").ClickAsync();
        await BrowserPortal.WaitForPageAsync(page, new Regex("/Orders/Drafts/[0-9a-f-]{36}/Items$"));
        var draftId = Guid.Parse(new Uri(page.Url).Segments[3].TrimEnd('/'));
        await page.Locator("#add-item").FillAsync(pricedItem);
        await page.Locator("#add-submit").ClickAsync();
        await Assertions.Expect(page.Locator("table tbody tr")).Not.ToHaveCountAsync(0);

        // The draft saved as an order template, for the template pages.
        await page.GotoAsync($"/Orders/Templates/New?draft={draftId}");
        await page.Locator("#Input_Name").FillAsync("Accessibility " + Guid.NewGuid().ToString("N"));
        await page.Locator("#save-template").ClickAsync();
        await BrowserPortal.WaitForPageAsync(page, new Regex("/Orders/Templates/[0-9a-f-]{36}$"));
        var templateId = Guid.Parse(new Uri(page.Url).Segments[3].TrimEnd('/'));
        return new PersonaValues(orderNumber, draftId, "", invoiceNumber, templateId);
    }
}
