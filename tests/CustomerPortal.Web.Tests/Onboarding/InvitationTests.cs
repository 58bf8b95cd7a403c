using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.PortalStore;
using CustomerPortal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Web.Tests.Onboarding;

public sealed class InvitationTests(SeededPortalData data)
{
    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task AdministratorInvitesAPreparedContactWhoRedeemsThePickupLinkAndSeesOnlyOwnOrders(PortalStoreProvider portalStore)
    {
        using var portal = new PrivatePortalFactory(data, portalStore);
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
        var contactId = DemoContacts.IdOf(data, DemoContacts.PreparedEmail);

        var invited = await PortalSteps.InviteAsync(admin, "invitee", contactId, "AuthorizedUser");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var afterInvite = await admin.GetPageAsync(invited.Headers.Location!.OriginalString);
        var shownLink = afterInvite.QuerySelector<IHtmlAnchorElement>("a.invitation-link")!.Href;
        var mailedLink = PortalSteps.LinkFromPickupFolder(portal.DataDirectory, DemoContacts.PreparedEmail);
        Assert.Equal(PortalSteps.PathOf(mailedLink), PortalSteps.PathOf(shownLink));

        using var invitee = portal.CreatePortalClient();
        var redeemed = await PortalSteps.RedeemAsync(invitee, mailedLink, DemoContacts.NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);

        var orders = await invitee.GetPageAsync("/Orders");
        var numbers = orders.QuerySelectorAll<IHtmlAnchorElement>("table tbody a[href^='/Orders/']").Select(a => a.TextContent.Trim()).ToList();
        var mirror = MirrorQueries.Open(portal.MirrorPath);
        var own = mirror.OrderNumbersWithContactPerson(contactId);

        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.Contains(n, own));
        Assert.Equal(HttpStatusCode.Redirect, (await invitee.GetAsync("/Admin/Invitations")).Response.StatusCode);

        var redeemer = await portal.FindUserAsync(DemoContacts.PreparedEmail);
        Assert.Equal(contactId, redeemer?.ContactId);
        var audit = await portal.AuditActionsAsync();
        Assert.Single(audit, "InvitationSent");
        Assert.Single(audit, "InvitationRedeemed");

        // The same link a second time: a clear page, no second account.
        using var again = portal.CreatePortalClient();
        Assert.Equal("Redeemed", await PortalSteps.UnusableReasonAsync(again, PortalSteps.PathOf(mailedLink)));
        Assert.Single(await portal.ReadStoreAsync(s => s.GetRequiredService<PortalUsers>().ListOfContactAsync(contactId, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task UnpreparedContactIsListedWithWhatIsMissingAndCannotBeInvitedEvenByTampering()
    {
        using var portal = new PrivatePortalFactory(data);
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
        var unprepared = DemoContacts.IdOf(data, DemoContacts.UnpreparedEmail);
        var prepared = DemoContacts.IdOf(data, DemoContacts.PreparedEmail);

        var page = await admin.GetPageAsync("/Admin/Invitations?search=contoso.example");
        var row = page.QuerySelector($"tr[data-contact-id='{unprepared}']")!;
        Assert.Null(row.QuerySelector("form"));
        var missing = row.QuerySelectorAll(".missing-list li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Price list"], missing);

        // The prepared contact's form, pointed at the unprepared contact.
        var form = page.QuerySelectorAll<IHtmlFormElement>("form.invite-form").Single(f => (f.Elements["Input.ContactId"] as IHtmlInputElement)?.Value == prepared.ToString());
        ((IHtmlInputElement)form.Elements["Input.ContactId"]!).Value = unprepared.ToString();
        var response = await admin.SubmitAsync(form);
        var result = await PortalClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not prepared", result.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, PortalStoreQueries.Open(portal.PortalStorePath).Count("SELECT count(*) FROM PortalInvitations"));
    }

    [Fact]
    public async Task RevokedExpiredAndUnknownCodesGetAClearPageAndCreateNoAccount()
    {
        using var portal = new PrivatePortalFactory(data);
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
        var contactId = DemoContacts.IdOf(data, DemoContacts.PreparedEmail);
        await PortalSteps.InviteAsync(admin, "invitee", contactId, "AuthorizedUser");
        var firstLink = PortalSteps.LinkFromPickupFolder(portal.DataDirectory, DemoContacts.PreparedEmail);

        // Re-sending replaces the code: the first link stops working, the new one works.
        var recent = await admin.GetPageAsync("/Admin/Invitations");
        var resend = recent.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Action.Contains("handler=Resend", StringComparison.Ordinal));
        await Task.Delay(1100, TestContext.Current.CancellationToken);
        await admin.SubmitAsync(resend);
        var secondLink = PortalSteps.LinkFromPickupFolder(portal.DataDirectory, DemoContacts.PreparedEmail);
        Assert.NotEqual(firstLink, secondLink);

        using var visitor = portal.CreatePortalClient();
        Assert.Equal("Unknown", await PortalSteps.UnusableReasonAsync(visitor, PortalSteps.PathOf(firstLink)));
        Assert.Equal("usable", await PortalSteps.UnusableReasonAsync(visitor, PortalSteps.PathOf(secondLink)));
        Assert.Equal("Unknown", await PortalSteps.UnusableReasonAsync(visitor, "/Invitation?code=not-a-real-code"));
        Assert.Equal("Unknown", await PortalSteps.UnusableReasonAsync(visitor, "/Invitation"));

        // Expired: the same link once its date has passed.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={portal.PortalStorePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE PortalInvitations SET ExpiresAt = '2020-01-01 00:00:00'";
            command.ExecuteNonQuery();
        }

        Assert.Equal("Expired", await PortalSteps.UnusableReasonAsync(visitor, PortalSteps.PathOf(secondLink)));

        // Revoked.
        recent = await admin.GetPageAsync("/Admin/Invitations");
        var revoke = recent.QuerySelectorAll<IHtmlFormElement>("form.confirm-ask").Single(f => f.Elements["confirm"] is IHtmlInputElement { Value: var key } && key.StartsWith("Revoke-", StringComparison.Ordinal));
        await admin.ConfirmAsync(revoke);
        Assert.Equal("Revoked", await PortalSteps.UnusableReasonAsync(visitor, PortalSteps.PathOf(secondLink)));

        Assert.Equal(0, PortalStoreQueries.Open(portal.PortalStorePath).Count("SELECT count(*) FROM AspNetUsers WHERE NormalizedEmail = $p0", DemoContacts.PreparedEmail.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("short pass", "at least 12")]
    [InlineData("Password2026!", "too common")]
    [InlineData("invitee-harbour-2026", "e-mail address or your name")]
    [InlineData("Iris likes the sea 7", "e-mail address or your name")]
    public async Task WeakPasswordsAreRefusedNextToTheFieldAndTheInvitationStaysOpen(string password, string message)
    {
        using var portal = new PrivatePortalFactory(data);
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
        await PortalSteps.InviteAsync(admin, "invitee", DemoContacts.IdOf(data, DemoContacts.PreparedEmail), "AuthorizedUser");
        var link = PortalSteps.LinkFromPickupFolder(portal.DataDirectory, DemoContacts.PreparedEmail);
        using var invitee = portal.CreatePortalClient();

        var response = await PortalSteps.RedeemAsync(invitee, link, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("#password-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("usable", await PortalSteps.UnusableReasonAsync(invitee, PortalSteps.PathOf(link)));
        Assert.Equal(0, PortalStoreQueries.Open(portal.PortalStorePath).Count("SELECT count(*) FROM AspNetUsers WHERE NormalizedEmail = $p0", DemoContacts.PreparedEmail.ToUpperInvariant()));
    }

    [Theory]
    [InlineData(Personas.Representative, Personas.Password)]
    [InlineData(Personas.AuthorizedUser, Personas.Password)]
    public async Task CustomersCannotReachTheAdministrationPages(string email, string password)
    {
        using var portal = new PortalFactory(data);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(email, password);

        foreach (var url in new[] { "/Admin/Invitations", "/Admin/Users", "/Admin/Audit" })
        {
            var (response, _) = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.Ordinal),
                $"{url} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
    }
}
