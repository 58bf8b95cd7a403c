using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.Web.Tests.Onboarding;

public sealed partial class PasswordResetTests(SeededPortalData data)
{
    private const string OldPassword = "Quiet meadow 58 orchard";
    private const string NewPassword = "Copper kettle 93 harbour";

    [Fact]
    public async Task KnownAndUnknownAddressesGetTheSameAnswerAndOnlyTheKnownOneGetsAMail()
    {
        using var portal = new PrivatePortalFactory(data);
        var email = await portal.CreateUserAsync(OldPassword);
        using var client = portal.CreatePortalClient();

        var login = await client.GetPageAsync("/Identity/Account/Login");
        var link = login.QuerySelector<IHtmlAnchorElement>("a.forgot-password-link")!;
        Assert.Equal("/Identity/Account/ForgotPassword", new Uri(link.Href).AbsolutePath);

        var known = await RequestResetAsync(client, email);
        var unknown = await RequestResetAsync(client, "nobody-here@tests.example");

        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        var (_, knownPage) = await client.FollowAsync(known);
        var (_, unknownPage) = await client.FollowAsync(unknown);
        Assert.Equal(knownPage.QuerySelector(".forgot-password-sent")!.TextContent, unknownPage.QuerySelector(".forgot-password-sent")!.TextContent);

        var mails = Mails(portal);
        Assert.Single(mails, m => m.Contains("To: " + email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(mails, m => m.Contains("nobody-here@tests.example", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TheMailedLinkResetsThePasswordOnceAndEndsOtherSessions()
    {
        using var portal = new PrivatePortalFactory(data);
        var email = await portal.CreateUserAsync(OldPassword);
        var store = PortalStoreQueries.Open(portal.PortalStorePath);
        var stampBefore = store.Scalar("SELECT SecurityStamp FROM AspNetUsers WHERE NormalizedEmail = $p0", email.ToUpperInvariant());
        using var client = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await RequestResetAsync(client, email)).StatusCode);
        var link = ResetLinkFor(portal, email);

        var reset = await ChooseAsync(client, link, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/Identity/Account/Login", reset.Headers.Location!.OriginalString);

        Assert.NotEqual(stampBefore, store.Scalar("SELECT SecurityStamp FROM AspNetUsers WHERE NormalizedEmail = $p0", email.ToUpperInvariant()));
        Assert.Equal(1, store.Count("SELECT count(*) FROM PortalAuditLog WHERE Action = 'PasswordReset'"));

        using var signIn = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await signIn.SubmitSignInFormAsync(email, OldPassword)).StatusCode);
        await signIn.SignInAsync(email, NewPassword);

        // The same link again: refused, and the password stays the new one.
        using var again = portal.CreatePortalClient();
        var reused = await ChooseAsync(again, link, "Another long phrase 77 lake");
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.NotNull((await PortalClient.ParseAsync(reused)).QuerySelector(".reset-link-invalid"));
        using var third = portal.CreatePortalClient();
        await third.SignInAsync(email, NewPassword);
    }

    [Fact]
    public async Task AnInvalidTokenChangesNothingAndAWeakPasswordIsRefusedNextToTheField()
    {
        using var portal = new PrivatePortalFactory(data);
        var email = await portal.CreateUserAsync(OldPassword);
        var store = PortalStoreQueries.Open(portal.PortalStorePath);
        using var client = portal.CreatePortalClient();
        var before = store.Scalar("SELECT PasswordHash || SecurityStamp FROM AspNetUsers WHERE NormalizedEmail = $p0", email.ToUpperInvariant());

        var forged = $"https://localhost/Identity/Account/ResetPassword?code=Zm9yZ2VkLXRva2Vu&email={Uri.EscapeDataString(email)}";
        var refused = await ChooseAsync(client, forged, NewPassword);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("cannot be used", (await PortalClient.ParseAsync(refused)).QuerySelector(".reset-link-invalid")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, store.Scalar("SELECT PasswordHash || SecurityStamp FROM AspNetUsers WHERE NormalizedEmail = $p0", email.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.Redirect, (await RequestResetAsync(client, email)).StatusCode);
        var weak = await ChooseAsync(client, ResetLinkFor(portal, email), "password1234");
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        var page = await PortalClient.ParseAsync(weak);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#password-error")!.TextContent));
        Assert.Equal(before, store.Scalar("SELECT PasswordHash || SecurityStamp FROM AspNetUsers WHERE NormalizedEmail = $p0", email.ToUpperInvariant()));
        Assert.Equal(0, store.Count("SELECT count(*) FROM PortalAuditLog WHERE Action = 'PasswordReset'"));
    }

    [Fact]
    public async Task TooManyResetRequestsForOneAccountAnswer429()
    {
        using var portal = new PrivatePortalFactory(data);
        portal.Set("Security:CredentialPostsPerAccountPerMinute", "3");
        using var client = portal.CreatePortalClient();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            statuses.Add((await RequestResetAsync(client, "target@tests.example")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Redirect, (await RequestResetAsync(client, "another@tests.example")).StatusCode);

        // The reset form counts against the same account.
        var forged = "https://localhost/Identity/Account/ResetPassword?code=Zm9yZ2Vk&email=target%40tests.example";
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ChooseAsync(client, forged, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task TheMailedLinkUsesThePublicUrlWhateverHostTheRequestClaims()
    {
        using var portal = new PrivatePortalFactory(data);
        portal.Set("Invitations:PublicUrl", "https://portal.customerportal.example/");
        var email = await portal.CreateUserAsync(OldPassword);
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.Host = "attacker.example";

        Assert.Equal(HttpStatusCode.Redirect, (await RequestResetAsync(client, email)).StatusCode);

        Assert.StartsWith("https://portal.customerportal.example/Identity/Account/ResetPassword?", ResetLinkFor(portal, email), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealMailWithoutAPublicUrlStopsStartUpNamingTheKey()
    {
        await using var misconfigured = new ConfiguredPortalFactory(data, ("Mail:Host", "smtp.customerportal.example"));

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains("Invitations:PublicUrl", error.Message, StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> RequestResetAsync(PortalClient client, string email)
    {
        var page = await client.GetPageAsync("/Identity/Account/ForgotPassword");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Elements["Input.Email"] is not null);
        return await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = email });
    }

    internal static async Task<HttpResponseMessage> ChooseAsync(PortalClient client, string link, string password)
    {
        var page = await client.GetPageAsync(PortalSteps.PathOf(link).Replace("https://localhost", "", StringComparison.Ordinal));
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Elements["Input.Password"] is not null);
        return await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
    }

    private static List<string> Mails(PrivatePortalFactory portal)
    {
        var folder = Path.Combine(portal.DataDirectory, "mail-pickup");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText)] : [];
    }

    internal static string ResetLinkFor(PrivatePortalFactory portal, string email)
    {
        var mail = Mails(portal).Last(m => m.Contains("To: " + email, StringComparison.OrdinalIgnoreCase));
        return ResetLink().Match(mail).Value;
    }

    [GeneratedRegex(@"https?://\S+/Identity/Account/ResetPassword\?\S+")]
    private static partial Regex ResetLink();
}
