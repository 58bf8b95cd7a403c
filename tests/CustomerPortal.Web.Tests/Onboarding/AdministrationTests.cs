using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.PortalStore;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Web.Tests.Onboarding;

public sealed class AdministrationTests(SeededPortalData data)
{
    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task UserSearchIgnoresCaseAndTakesUnderscoresAndPercentSignsLiterally(PortalStoreProvider portalStore)
    {
        using var portal = new PrivatePortalFactory(data, portalStore);
        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            foreach (var email in new[] { "first_last@search.example", "firstXlast@search.example" })
            {
                Assert.True((await users.CreateAsync(new PortalUser { UserName = email, Email = email, DisplayName = "Search Probe" })).Succeeded);
            }
        }

        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);

        var underscore = await admin.GetPageAsync("/Admin/Users?search=FIRST_Last");
        var percent = await admin.GetPageAsync("/Admin/Users?search=first%25last");
        var name = await admin.GetPageAsync("/Admin/Users?search=search%20PROBE");

        Assert.Equal(["first_last@search.example"], underscore.QuerySelectorAll("tr[data-user-email]").Select(tr => tr.GetAttribute("data-user-email")));
        Assert.Empty(percent.QuerySelectorAll("tr[data-user-email]"));
        Assert.Equal(2, name.QuerySelectorAll("tr[data-user-email]").Length);
    }

    [Fact]
    public async Task UsersPageListsContactAccountRoleAndLockState()
    {
        using var portal = new PortalFactory(data);
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);

        var page = await admin.GetPageAsync("/Admin/Users");

        var rep = page.QuerySelector($"tr[data-user-email='{Personas.Representative}']")!;
        var cells = rep.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("Rosa Representative", cells[1], StringComparison.Ordinal);
        Assert.StartsWith("US-0001", cells[2], StringComparison.Ordinal);
        Assert.Equal("Customer representative", cells[3]);
        Assert.Equal("Active", cells[5]);
    }

    [Fact]
    public async Task LockUnlockChangeRoleAndRemoveAreAuditedAndTakeEffect()
    {
        using var portal = new PrivatePortalFactory(data);
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);

        await SubmitRowFormAsync(admin, Personas.AuthorizedUser, "Lock");
        var page = await admin.GetPageAsync("/Admin/Users");
        Assert.Equal("Disabled", page.QuerySelector($"tr[data-user-email='{Personas.AuthorizedUser}'] .user-state")!.TextContent.Trim());
        using (var buyer = portal.CreatePortalClient())
        {
            var login = await buyer.GetPageAsync("/Identity/Account/Login");
            var form = login.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Elements["Input.Email"] is not null);
            var refused = await buyer.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = Personas.AuthorizedUser, ["Input.Password"] = Personas.Password });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        await SubmitRowFormAsync(admin, Personas.AuthorizedUser, "Unlock");
        await SubmitRowFormAsync(admin, Personas.AuthorizedUser, "Role", new Dictionary<string, string> { ["role"] = "CustomerRepresentative" });
        page = await admin.GetPageAsync("/Admin/Users");
        Assert.Equal("Customer representative", page.QuerySelector($"tr[data-user-email='{Personas.AuthorizedUser}']")!.QuerySelectorAll("td")[3].TextContent.Trim());

        // Administrators are not made from customers.
        await SubmitRowFormAsync(admin, Personas.AuthorizedUser, "Role", new Dictionary<string, string> { ["role"] = "AuthorizedUser" });
        await SubmitRowFormAsync(admin, Personas.AuthorizedUser, "Remove");
        page = await admin.GetPageAsync("/Admin/Users");
        Assert.Null(page.QuerySelector($"tr[data-user-email='{Personas.AuthorizedUser}']"));

        var audit = await admin.GetPageAsync("/Admin/Audit");
        var actions = audit.QuerySelectorAll("tr[data-action]").Select(tr => tr.GetAttribute("data-action")).ToList();
        Assert.Equal(["AccessRemoved", "RoleChanged", "RoleChanged", "UserUnlocked", "UserLocked"], actions);
        Assert.All(audit.QuerySelectorAll("tr[data-action]"), tr => Assert.Contains(Personas.Administrator, tr.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdministratorCannotLockOrRemoveThemselvesNorMakeACustomerAnAdministrator()
    {
        using var portal = new PrivatePortalFactory(data);
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
        var before = PortalStoreQueries.Open(portal.PortalStorePath).Fingerprint();

        await SubmitRowFormAsync(admin, Personas.Administrator, "Remove");
        await SubmitRowFormAsync(admin, Personas.Administrator, "Lock");
        var page = await admin.GetPageAsync("/Admin/Users");
        var form = page.QuerySelector($"tr[data-user-email='{Personas.AuthorizedUser}']")!.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Action.Contains("handler=Role", StringComparison.Ordinal));
        var select = (IHtmlSelectElement)form.Elements["role"]!;
        var option = (IHtmlOptionElement)page.CreateElement("option");
        option.Value = "Administrator";
        select.AppendChild(option);
        await admin.SubmitAsync(form, new Dictionary<string, string> { ["role"] = "Administrator" });

        Assert.Equal(before, PortalStoreQueries.Open(portal.PortalStorePath).Fingerprint());
    }

    internal static async Task SubmitRowFormAsync(PortalClient admin, string email, string handler, Dictionary<string, string>? values = null)
    {
        var page = await admin.GetPageAsync("/Admin/Users");
        var row = page.QuerySelector($"tr[data-user-email='{email}']")!;
        // Removing access asks first (a confirmation step); the other actions post at once.
        var ask = row.QuerySelectorAll<IHtmlFormElement>("form.confirm-ask")
            .SingleOrDefault(f => f.Elements["confirm"] is IHtmlInputElement { Value: var key } && key.StartsWith(handler + "-", StringComparison.Ordinal));
        var response = ask is not null
            ? await admin.ConfirmAsync(ask, values)
            : await admin.SubmitAsync(row.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Action.Contains("handler=" + handler, StringComparison.Ordinal)), values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
