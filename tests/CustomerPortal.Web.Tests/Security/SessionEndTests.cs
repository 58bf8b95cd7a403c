using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.PortalStore;
using CustomerPortal.Testing;
using CustomerPortal.Web.Tests.Instances;
using CustomerPortal.Web.Tests.Onboarding;

namespace CustomerPortal.Web.Tests.Security;

// Issue 10, findings 3 and 4: the sign-in cookie is backed by a session on the server. A copy of the
// cookie taken before sign-out, a password change or reset, a lock, a disable, a role change or a removal
// is refused at its very next request, not minutes later; a lockout caused by someone else's wrong
// passwords ends nothing.
public sealed class SessionEndTests(SeededPortalData data)
{
    private const string AuthCookie = "CustomerPortal.Auth";
    private const string NewPassword = "Copper kettle 93 harbour";

    public static TheoryData<string, PortalStoreProvider> Actions()
    {
        var actions = new TheoryData<string, PortalStoreProvider>();
        foreach (var action in (string[])["SignOut", "OwnPasswordChange", "PasswordReset", "AdminLock", "RepresentativeDisables", "RoleChange", "RemoveAccess"])
        {
            foreach (var provider in new[] { PortalStoreProvider.Sqlite, PortalStoreProvider.Postgres })
            {
                actions.Add(action, provider);
            }
        }

        return actions;
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task ACookieCopiedBeforeTheActionIsRefusedRightAfterIt(string action, PortalStoreProvider portalStore)
    {
        using var portal = new PrivatePortalFactory(data, portalStore);
        var browser = new CookieJar();
        using var buyer = portal.CreatePortalClient(browser);
        await buyer.SignInAsync(Personas.AuthorizedUser, Personas.Password);
        var copied = browser.Copy();
        using var copy = portal.CreatePortalClient(copied);
        await AssertOpensAsync(copy, "/Orders");

        await (action switch
        {
            "SignOut" => SignOutAsync(buyer),
            "OwnPasswordChange" => ChangePasswordAsync(buyer),
            "PasswordReset" => ResetPasswordAsync(portal),
            "AdminLock" => AsAdministratorAsync(portal, "Lock"),
            "RepresentativeDisables" => RepresentativeDisablesTheBuyerAsync(portal),
            "RoleChange" => AsAdministratorAsync(portal, "Role", new() { ["role"] = "CustomerRepresentative" }),
            "RemoveAccess" => AsAdministratorAsync(portal, "Remove"),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        });

        await AssertSentToSignInAsync(copy, "/Orders");
        Assert.False(copied.Has(AuthCookie), "The refused cookie was not deleted.");
        if (action == "OwnPasswordChange")
        {
            // The user's own session goes on with the new password's stamp.
            await AssertOpensAsync(buyer, "/Orders");
        }
        else
        {
            await AssertSentToSignInAsync(buyer, "/Orders");
        }
    }

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task AfterSignOutACopiedCookieOpensNeitherTheExportNorTheAdministrationPages(PortalStoreProvider portalStore)
    {
        using var portal = new PrivatePortalFactory(data, portalStore);
        var repBrowser = new CookieJar();
        var adminBrowser = new CookieJar();
        using var rep = portal.CreatePortalClient(repBrowser);
        using var admin = portal.CreatePortalClient(adminBrowser);
        await rep.SignInAsync(Personas.Representative, Personas.Password);
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
        using var repCopy = portal.CreatePortalClient(repBrowser.Copy());
        using var adminCopy = portal.CreatePortalClient(adminBrowser.Copy());
        await AssertOpensAsync(repCopy, "/Orders?handler=Export");
        await AssertOpensAsync(adminCopy, "/Admin/Users");

        await SignOutAsync(rep);
        await SignOutAsync(admin);

        await AssertSentToSignInAsync(repCopy, "/Orders?handler=Export");
        await AssertSentToSignInAsync(adminCopy, "/Admin/Users");

        // Signing in again starts a new session; the copies stay refused.
        await rep.SignInAsync(Personas.Representative, Personas.Password);
        await AssertOpensAsync(rep, "/Orders?handler=Export");
        await AssertSentToSignInAsync(repCopy, "/Orders");
    }

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task AStrangersWrongPasswordsLockTheAccountButEndNoOpenSession(PortalStoreProvider portalStore)
    {
        using var portal = new PrivatePortalFactory(data, portalStore);
        using var buyer = portal.CreatePortalClient(new CookieJar());
        await buyer.SignInAsync(Personas.AuthorizedUser, Personas.Password);

        using var stranger = portal.CreatePortalClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await stranger.SubmitSignInFormAsync(Personas.AuthorizedUser, "Wrong-password-" + attempt)).StatusCode);
        }

        Assert.True(await portal.IsLockedOutAsync(Personas.AuthorizedUser));
        await AssertOpensAsync(buyer, "/Orders");
        await AssertOpensAsync(buyer, "/Orders?handler=Export");
    }

    internal static async Task SignOutAsync(PortalClient client)
    {
        var page = await client.GetPageAsync("/Identity/Account/Logout");
        // The page's own button and the menu's post the same form.
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.Action.EndsWith("/Identity/Account/Logout", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(form)).StatusCode);
    }

    private static async Task ChangePasswordAsync(PortalClient client)
    {
        var page = await client.GetPageAsync("/Identity/Account/Manage/ChangePassword");
        var changed = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form.password-form")!, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Personas.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
    }

    private static async Task ResetPasswordAsync(PrivatePortalFactory portal)
    {
        using var anonymous = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordResetTests.RequestResetAsync(anonymous, Personas.AuthorizedUser)).StatusCode);
        var chosen = await PasswordResetTests.ChooseAsync(anonymous, PasswordResetTests.ResetLinkFor(portal, Personas.AuthorizedUser), NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
    }

    private static async Task AsAdministratorAsync(PortalFactory portal, string handler, Dictionary<string, string>? values = null)
    {
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
        await AdministrationTests.SubmitRowFormAsync(admin, Personas.AuthorizedUser, handler, values);
    }

    private static async Task RepresentativeDisablesTheBuyerAsync(PortalFactory portal)
    {
        using var rep = portal.CreatePortalClient();
        await rep.SignInAsync(Personas.Representative, Personas.Password);
        var team = await rep.GetPageAsync("/Team");
        // The buyer is the only colleague with access, so the only one with a disable button.
        var disable = team.QuerySelectorAll<IHtmlFormElement>("form.confirm-ask").Single();
        Assert.Equal(HttpStatusCode.Redirect, (await rep.ConfirmAsync(disable)).StatusCode);
    }

    private static async Task AssertOpensAsync(PortalClient client, string url)
    {
        var (response, _) = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode} {response.Headers.Location}.");
    }

    private static async Task AssertSentToSignInAsync(PortalClient client, string url)
    {
        var (response, _) = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }
}
