using System.Net;
using AngleSharp.Dom;
using CustomerPortal.Core;

namespace CustomerPortal.Web.Tests.Pages;

// Signed-in people without a customer scope (administrators, users whose contact is not linked yet)
// get an explanation on customer pages: no customer data, no error page.
public sealed class CustomerPageAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string TestPassword = "Quartz-Harbor-2026!";
    private static readonly PortalTexts Text = PortalTexts.English;

    public static TheoryData<string> CustomerPages => ["/Orders", "/Orders?status=Invoiced", "/Account", "/Products", "/Products?search=A"];

    [Theory]
    [MemberData(nameof(CustomerPages))]
    public async Task AdministratorGetsTheFriendlyExplanationAndNoCustomerData(string url)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);

        var page = await AssertForbiddenWithExplanationAsync(client, url, "Administrator");

        AssertNoCustomerData(page);
    }

    [Fact]
    public async Task AdministratorCannotOpenAnOrderEvenByItsNumber()
    {
        var number = portal.Mirror.OrdersOfAccountOf(Personas.Representative)[0].Number;
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);

        var page = await AssertForbiddenWithExplanationAsync(client, "/Orders/" + number, "Administrator");

        Assert.DoesNotContain(number, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorsHomePageHasNoCustomerTiles()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);

        var page = await client.GetPageAsync("/");

        Assert.Equal(Text["Home.AdministratorIntro"], page.QuerySelector("main .lead")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("a[href^='/Orders'], a[href^='/Products'], a[href^='/Account']"));
    }

    [Fact]
    public async Task UserWhoseContactIsNotLinkedGetsTheNoCustomerExplanation()
    {
        var email = await portal.CreateUserAsync(TestPassword, PortalRoles.CustomerRepresentative);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(email, TestPassword);

        var page = await AssertForbiddenWithExplanationAsync(client, "/Orders", "NoCustomer");

        AssertNoCustomerData(page);
        Assert.Equal(Text["NoScope.Heading"], (await client.GetPageAsync("/")).QuerySelector("main .alert h2")!.TextContent.Trim());
    }

    private static async Task<IDocument> AssertForbiddenWithExplanationAsync(PortalClient client, string url, string reason)
    {
        var (redirect, _) = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/Identity/Account/AccessDenied", redirect.Headers.Location!.AbsolutePath);

        var (response, page) = await client.FollowAsync(redirect);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Text[$"AccessDenied.{reason}.Heading"], page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal(Text[$"AccessDenied.{reason}.Text"], page.QuerySelector("main h1 + p")!.TextContent.Trim());
        return page;
    }

    private void AssertNoCustomerData(IDocument page)
    {
        var text = page.Body!.TextContent;
        Assert.Empty(page.QuerySelectorAll("table"));
        Assert.DoesNotContain("SO-", text, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.Mirror.ContactByEmail(Personas.Representative).AccountNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.Mirror.ContactByEmail(Personas.OtherCustomer).AccountNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Text["Error.Heading"], text, StringComparison.Ordinal);
    }
}
