using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Core;
using CustomerPortal.Web.Tests.Onboarding;

namespace CustomerPortal.Web.Tests.Localization;

// Five languages, and a signed-in user's choice kept in their profile: it chooses their pages on any
// browser and the language of the mails they get; an invitee's language is the one the inviter chose.
public sealed class LanguagePreferenceTests(SeededPortalData data)
{
    private static readonly string[] Languages = ["en-US", "fr-FR", "sv-SE", "ko-KR", "el-GR"];

    [Fact]
    public async Task ThePickerOffersTheFiveLanguagesEachInItsOwnName()
    {
        using var portal = new PortalFactory(data);
        using var client = portal.CreatePortalClient();

        var page = await client.GetPageAsync("/Identity/Account/Login");

        var buttons = page.QuerySelectorAll<IHtmlButtonElement>("form.culture-picker button[name=culture]").ToList();
        Assert.Equal(Languages, buttons.Select(b => b.Value));
        Assert.Equal(["English", "Français", "Svenska", "한국어", "Ελληνικά"], buttons.Select(b => b.TextContent.Trim()));
        Assert.All(buttons, b => Assert.Equal(b.Value, b.GetAttribute("lang")));
    }

    [Theory]
    [InlineData("sv", "sv-SE")]
    [InlineData("sv-FI", "sv-SE")]
    [InlineData("ko", "ko-KR")]
    [InlineData("ko-KR,ko;q=0.9,en;q=0.5", "ko-KR")]
    [InlineData("el", "el-GR")]
    [InlineData("de-DE, el;q=0.7", "el-GR")]
    public async Task TheBrowsersLanguageChoosesTheNewCultures(string acceptLanguage, string expected)
    {
        using var portal = new PortalFactory(data);
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var page = await client.GetPageAsync("/Identity/Account/Login");

        Assert.Equal(expected, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("true", page.QuerySelector($"form.culture-picker button[value={expected}]")!.GetAttribute("aria-pressed"));
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("ko-KR")]
    [InlineData("el-GR")]
    public async Task AVisitorsPickIsKeptInTheCookie(string culture)
    {
        using var portal = new PortalFactory(data);
        using var client = portal.CreatePortalClient();
        var login = await client.GetPageAsync("/Identity/Account/Login");

        var response = await client.SubmitAsync(PickerForm(login), submitter: PickerButton(login, culture));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(culture, (await client.GetPageAsync("/Identity/Account/Login")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task ASignedInUsersPickIsStoredInTheProfileAndFollowsThemToAnotherBrowser()
    {
        using var portal = new PrivatePortalFactory(data);
        var email = await portal.CreateUserAsync(Personas.Password, PortalRoles.CustomerRepresentative, linkedToContactOf: Personas.Representative);
        using (var first = await portal.SignedInClientAsync(email))
        {
            var orders = await first.GetPageAsync("/Orders");
            await first.SubmitAsync(PickerForm(orders), submitter: PickerButton(orders, "ko-KR"));
            Assert.Equal("ko-KR", (await first.GetPageAsync("/Orders")).DocumentElement.GetAttribute("lang"));
        }

        Assert.Equal("ko-KR", (await portal.FindUserAsync(email))!.MailCulture);

        // Another browser, asking for French: the profile's language wins once signed in.
        using var second = await portal.SignedInClientAsync(email, "fr-FR");
        Assert.Equal("ko-KR", (await second.GetPageAsync("/Orders")).DocumentElement.GetAttribute("lang"));
        Assert.Equal("ko-KR", (await second.GetPageAsync("/Account")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task APasswordResetMailIsInTheUsersLanguageNotTheRequestsOne()
    {
        using var portal = new PrivatePortalFactory(data);
        var email = await portal.CreateUserAsync(Personas.Password, PortalRoles.CustomerRepresentative, linkedToContactOf: Personas.Representative);
        using (var user = await portal.SignedInClientAsync(email))
        {
            var page = await user.GetPageAsync("/Orders");
            await user.SubmitAsync(PickerForm(page), submitter: PickerButton(page, "fr-FR"));
        }

        // Asked for from an English browser (someone else's, say): the mail is still in French.
        using var english = portal.CreatePortalClient();
        english.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordResetTests.RequestResetAsync(english, email)).StatusCode);

        var mail = MailTo(portal, email);
        Assert.Contains(FixedText(PortalTexts.French["ResetMail.Body"]), mail, StringComparison.Ordinal);
        Assert.DoesNotContain(FixedText(PortalTexts.English["ResetMail.Body"]), mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheInviterChoosesTheInviteesLanguageForTheMailAndTheNewProfile()
    {
        using var portal = new PrivatePortalFactory(data);
        using var admin = portal.CreatePortalClient();
        admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var form = await InviteFormAsync(admin);
        var languages = (IHtmlSelectElement)form.Elements["Input.Culture"]!;
        Assert.Equal(Languages, languages.Options.Select(o => o.Value));
        Assert.Equal("en-US", languages.Value);

        var invited = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Role"] = "AuthorizedUser", ["Input.Culture"] = "fr-FR" });

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var mail = MailTo(portal, DemoContacts.PreparedEmail);
        Assert.Contains(FixedText(PortalTexts.French["InvitationMail.Body"]), mail, StringComparison.Ordinal);
        Assert.DoesNotContain(FixedText(PortalTexts.English["InvitationMail.Body"]), mail, StringComparison.Ordinal);

        // Accepted from an English browser: the new user's profile starts in the invitation's language.
        using var invitee = portal.CreatePortalClient();
        invitee.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var redeemed = await PortalSteps.RedeemAsync(invitee, PortalSteps.LinkFromPickupFolder(portal.DataDirectory, DemoContacts.PreparedEmail), DemoContacts.NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
        Assert.Equal("fr-FR", (await portal.FindUserAsync(DemoContacts.PreparedEmail))!.MailCulture);
        Assert.Equal("fr-FR", (await invitee.GetPageAsync("/Orders")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task AnInvitationWithALanguageThePortalDoesNotSpeakGoesOutInTheDefault()
    {
        using var portal = new PrivatePortalFactory(data);
        using var admin = portal.CreatePortalClient();
        admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        var form = await InviteFormAsync(admin);

        var invited = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Role"] = "AuthorizedUser", ["Input.Culture"] = "tlh-KX" });

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains(FixedText(PortalTexts.English["InvitationMail.Body"]), MailTo(portal, DemoContacts.PreparedEmail), StringComparison.Ordinal);
    }

    // The administrator's invitation form for the demo's prepared contact (Iris Invitee).
    private async Task<IHtmlFormElement> InviteFormAsync(PortalClient admin)
    {
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
        var contactId = DemoContacts.IdOf(data, DemoContacts.PreparedEmail);
        var page = await admin.GetPageAsync("/Admin/Invitations?search=invitee");
        return page.QuerySelectorAll<IHtmlFormElement>("form.invite-form")
            .Single(f => (f.Elements["Input.ContactId"] as IHtmlInputElement)?.Value == contactId.ToString());
    }

    private static IHtmlFormElement PickerForm(IDocument page) => page.QuerySelector<IHtmlFormElement>("form.culture-picker")!;

    private static IHtmlButtonElement PickerButton(IDocument page, string culture) =>
        page.QuerySelector<IHtmlButtonElement>($"form.culture-picker button[name=culture][value={culture}]")!;

    // The mail's text as written to the pickup folder (8-bit UTF-8), line ends as in the resources.
    private static string MailTo(PrivatePortalFactory portal, string email) =>
        Directory.GetFiles(Path.Combine(portal.DataDirectory, "mail-pickup"), "*.eml").Select(File.ReadAllText)
            .Single(m => m.Contains("To: " + email, StringComparison.OrdinalIgnoreCase))
            .Replace("\r\n", "\n", StringComparison.Ordinal);

    // The longest line of a mail template without a placeholder: text only that language's mail contains.
    private static string FixedText(string template) =>
        System.Text.RegularExpressions.Regex.Split(template.Replace("\r\n", "\n", StringComparison.Ordinal), @"\{\d+[^}]*\}|\n")
            .MaxBy(part => part.Trim().Length)!.Trim();
}
