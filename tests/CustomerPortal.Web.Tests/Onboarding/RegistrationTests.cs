using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Invitations;
using CustomerPortal.PortalStore.Registrations;
using CustomerPortal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Web.Tests.Onboarding;

public sealed class RegistrationTests(SeededPortalData data)
{
    [Fact]
    public async Task SelfRegistrationIsOffByDefaultAndNothingLinksToIt()
    {
        using var portal = new PortalFactory(data);
        using var client = portal.CreatePortalClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Identity/Account/Register")).Response.StatusCode);
        var login = await client.GetPageAsync("/Identity/Account/Login");
        Assert.Null(login.QuerySelector("a.register-link"));
        Assert.DoesNotContain(login.QuerySelectorAll<IHtmlAnchorElement>("a"), a => a.Href.Contains("Register", StringComparison.OrdinalIgnoreCase));

        await client.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
        var home = await client.GetPageAsync("/");
        Assert.DoesNotContain(home.QuerySelectorAll<IHtmlAnchorElement>("a"), a => a.Href.Contains("/Admin/Registrations", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Admin/Registrations")).Response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task ARequestIsStoredWithoutAnAccountAndApprovingItInvitesTheLinkedContact(PortalStoreProvider portalStore)
    {
        using var portal = RegistrationPortal(portalStore);
        using var requester = portal.CreatePortalClient();
        var login = await requester.GetPageAsync("/Identity/Account/Login");
        var register = await requester.ClickAsync(login.QuerySelector<IHtmlAnchorElement>("a.register-link")!);

        var sent = await SubmitRequestAsync(requester, register, "Ivy Invitee", DemoContacts.PreparedEmail);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.NotNull((await requester.FollowAsync(sent)).Document.QuerySelector(".registration-sent"));

        var pending = await portal.ReadStoreAsync(s => s.GetRequiredService<RegistrationRequestStore>().ListPendingAsync(10, Ct));
        Assert.Equal([DemoContacts.PreparedEmail], pending.Select(r => r.Email));
        Assert.Null(await portal.FindUserAsync(DemoContacts.PreparedEmail));

        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
        var list = await admin.GetPageAsync("/Admin/Registrations");
        var review = await admin.ClickAsync(list.QuerySelector<IHtmlAnchorElement>("a.review-link")!);
        var contactId = DemoContacts.IdOf(data, DemoContacts.PreparedEmail);
        var approve = review.QuerySelectorAll<IHtmlFormElement>("form.approve-form")
            .Single(f => (f.Elements["Approve.ContactId"] as IHtmlInputElement)?.Value == contactId.ToString());

        var approved = await admin.SubmitAsync(approve, new Dictionary<string, string> { ["Approve.Role"] = "AuthorizedUser" });
        Assert.True(approved.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(approved)).QuerySelector("[role=alert]")?.TextContent + portal.ServerLog.Errors());

        var decided = Assert.Single(await portal.ReadStoreAsync(s => s.GetRequiredService<RegistrationRequestStore>().ListDecidedAsync(10, Ct)));
        Assert.Equal((RegistrationState.Approved, contactId), (decided.State, decided.ContactId));
        Assert.Equal([contactId], (await portal.ReadStoreAsync(s => s.GetRequiredService<InvitationStore>().ListRecentAsync(10, Ct))).Select(i => i.ContactId));
        var audit = await portal.AuditActionsAsync();
        Assert.Single(audit, "RegistrationApproved");
        Assert.Single(audit, "InvitationSent");
        // Still no account: the invitation is the only way in.
        Assert.Null(await portal.FindUserAsync(DemoContacts.PreparedEmail));

        var link = PortalSteps.LinkFromPickupFolder(portal.DataDirectory, DemoContacts.PreparedEmail);
        using var invitee = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalSteps.RedeemAsync(invitee, link, DemoContacts.NewPassword)).StatusCode);
        Assert.Equal(contactId, (await portal.FindUserAsync(DemoContacts.PreparedEmail))?.ContactId);
    }

    [Fact]
    public async Task RejectingRecordsTheReasonAndCanTellTheRequester()
    {
        using var portal = RegistrationPortal();
        using var requester = portal.CreatePortalClient();
        var register = await requester.GetPageAsync("/Identity/Account/Register");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitRequestAsync(requester, register, "Sam Stranger", "stranger@elsewhere.example")).StatusCode);

        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
        var list = await admin.GetPageAsync("/Admin/Registrations");
        var review = await admin.ClickAsync(list.QuerySelector<IHtmlAnchorElement>("a.review-link")!);
        var reject = review.QuerySelector<IHtmlFormElement>("form.reject-form")!;

        // A reason is required.
        var empty = await admin.SubmitAsync(reject);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await PortalClient.ParseAsync(empty)).QuerySelector("#reason-error")!.TextContent));

        var rejected = await admin.SubmitAsync(reject, new Dictionary<string, string>
        {
            ["Reject.Reason"] = "Not one of our customers.",
            ["Reject.Notify"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);

        var store = PortalStoreQueries.Open(portal.PortalStorePath);
        Assert.Equal("Not one of our customers.", store.Scalar("SELECT RejectionReason FROM PortalRegistrationRequests WHERE Email = 'stranger@elsewhere.example' AND State = 3"));
        Assert.Equal(1, store.Count("SELECT count(*) FROM PortalAuditLog WHERE Action = 'RegistrationRejected' AND Details = 'Not one of our customers.'"));
        Assert.Equal(0, store.Count("SELECT count(*) FROM PortalInvitations"));
        var mails = Directory.GetFiles(Path.Combine(portal.DataDirectory, "mail-pickup"), "*.eml").Select(File.ReadAllText).ToList();
        Assert.Contains(mails, m => m.Contains("To: stranger@elsewhere.example", StringComparison.OrdinalIgnoreCase) && m.Contains("Not one of our customers.", StringComparison.Ordinal));

        var after = await admin.GetPageAsync("/Admin/Registrations");
        Assert.NotNull(after.QuerySelector("tr[data-state='Rejected']"));
        Assert.Null(after.QuerySelector("a.review-link"));
    }

    [Fact]
    public async Task OnlyAdministratorsReachTheReviewPage()
    {
        using var portal = RegistrationPortal();
        using var anonymous = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Admin/Registrations")).Response.StatusCode);

        using var representative = portal.CreatePortalClient();
        await representative.SignInAsync(Personas.Representative, Personas.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await representative.GetAsync("/Admin/Registrations")).Response.StatusCode);
        var home = await representative.GetPageAsync("/");
        Assert.DoesNotContain(home.QuerySelectorAll<IHtmlAnchorElement>("a"), a => a.Href.Contains("/Admin/Registrations", StringComparison.Ordinal));

        // Signed in already: the request form is not offered, and a post stores nothing.
        var register = await representative.GetPageAsync("/Identity/Account/Register");
        Assert.NotNull(register.QuerySelector(".registration-signed-in"));
        Assert.Equal(0, PortalStoreQueries.Open(portal.PortalStorePath).Count("SELECT count(*) FROM PortalRegistrationRequests"));
    }

    private PrivatePortalFactory RegistrationPortal(PortalStoreProvider portalStore = PortalStoreProvider.Sqlite)
    {
        var portal = new PrivatePortalFactory(data, portalStore);
        portal.Set("Registration:AllowSelfRegistration", "true");
        return portal;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> SubmitRequestAsync(PortalClient client, IDocument page, string name, string email)
    {
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Elements["Input.CompanyName"] is not null);
        return client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Email"] = email,
            ["Input.CompanyName"] = "Contoso Retail",
            ["Input.AccountNumber"] = "US-0001",
            ["Input.Message"] = "Please let me follow our orders.",
        });
    }
}
