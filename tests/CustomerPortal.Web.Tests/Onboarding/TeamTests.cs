using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.Web.Tests.Onboarding;

public sealed class TeamTests(SeededPortalData data)
{
    [Fact]
    public async Task RepresentativeSeesOwnAccountsContactsAndInvitesAPreparedOneAsAuthorizedUser()
    {
        using var portal = new PrivatePortalFactory(data);
        using var rep = portal.CreatePortalClient();
        await rep.SignInAsync(Personas.Representative, Personas.Password);

        var page = await rep.GetPageAsync("/Team");
        var shown = page.QuerySelectorAll("tr[data-contact-id]").Select(tr => Guid.Parse(tr.GetAttribute("data-contact-id")!)).ToList();
        var mirror = MirrorQueries.Open(portal.MirrorPath);
        var expected = mirror.ActiveContactIdsOfAccount("US-0001");
        Assert.Equal(expected.Order(), shown.Order());

        var contactId = DemoContacts.IdOf(data, DemoContacts.PreparedEmail);
        var response = await PortalSteps.InviteAsync(rep, "", contactId, "", "/Team");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var role = PortalStoreQueries.Open(portal.PortalStorePath).Scalar("SELECT Role FROM PortalInvitations WHERE upper(ContactId) = $p0", contactId.ToString().ToUpperInvariant());
        Assert.Equal("AuthorizedUser", role);
        var link = PortalSteps.LinkFromPickupFolder(portal.DataDirectory, DemoContacts.PreparedEmail);
        using var invitee = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalSteps.RedeemAsync(invitee, link, DemoContacts.NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await invitee.GetAsync("/Team")).Response.StatusCode);
    }

    [Fact]
    public async Task RepresentativeDisablesAColleagueButNeverAnotherAccountsContact()
    {
        using var portal = new PrivatePortalFactory(data);
        using var rep = portal.CreatePortalClient();
        await rep.SignInAsync(Personas.Representative, Personas.Password);
        var store = PortalStoreQueries.Open(portal.PortalStorePath);

        // Another account's user (Fabrikam), posted through the representative's own form.
        var fabrikamContact = store.Scalar("SELECT ContactId FROM AspNetUsers WHERE NormalizedEmail = $p0", Personas.OtherCustomer.ToUpperInvariant())!;
        var page = await rep.GetPageAsync("/Team");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form.confirm-ask").Single();
        var before = store.Fingerprint();
        var tampered = await rep.ConfirmAsync(form, new Dictionary<string, string> { ["contactId"] = fabrikamContact });
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Equal(before, store.Fingerprint());

        page = await rep.GetPageAsync("/Team");
        var disabled = await rep.ConfirmAsync(page.QuerySelectorAll<IHtmlFormElement>("form.confirm-ask").Single());
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.True(store.LockoutEnd(Personas.AuthorizedUser) > DateTimeOffset.UtcNow.AddYears(100));
        Assert.Null(store.LockoutEnd(Personas.OtherCustomer));
        Assert.Equal($"{Personas.Representative} Ben Buyer <{Personas.AuthorizedUser}>", store.Scalar("SELECT ActorName || ' ' || Subject FROM PortalAuditLog WHERE Action = 'AccessDisabled'"));
    }

    [Fact]
    public async Task AColleagueWithTwoSignInsIsListedOnceAndDisablingEndsBoth()
    {
        using var portal = new PrivatePortalFactory(data);
        var secondSignIn = await portal.CreateUserAsync("Quartz-Harbor-2026!", Core.PortalRoles.AuthorizedUser, linkedToContactOf: Personas.AuthorizedUser);
        using var rep = portal.CreatePortalClient();
        await rep.SignInAsync(Personas.Representative, Personas.Password);
        var store = PortalStoreQueries.Open(portal.PortalStorePath);

        var page = await rep.GetPageAsync("/Team");
        var disabled = await rep.ConfirmAsync(page.QuerySelectorAll<IHtmlFormElement>("form.confirm-ask").Single());

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.True(store.LockoutEnd(Personas.AuthorizedUser) > DateTimeOffset.UtcNow.AddYears(100));
        Assert.True(store.LockoutEnd(secondSignIn) > DateTimeOffset.UtcNow.AddYears(100));
    }

    [Fact]
    public async Task RepresentativeCannotInviteAnotherAccountsContact()
    {
        using var portal = new PrivatePortalFactory(data);
        using var rep = portal.CreatePortalClient();
        await rep.SignInAsync(Personas.OtherCustomer, Personas.Password);
        var page = await rep.GetPageAsync("/Team");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form.invite-form").First();

        var response = await rep.SubmitAsync(form, new Dictionary<string, string> { ["contactId"] = DemoContacts.IdOf(data, DemoContacts.PreparedEmail).ToString() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, PortalStoreQueries.Open(portal.PortalStorePath).Count("SELECT count(*) FROM PortalInvitations"));
    }

    [Fact]
    public async Task AuthorizedUsersCannotOpenTheTeamPage()
    {
        using var portal = new PortalFactory(data);
        using var buyer = portal.CreatePortalClient();
        await buyer.SignInAsync(Personas.AuthorizedUser, Personas.Password);

        var (response, _) = await buyer.GetAsync("/Team");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
