using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.Web.Tests.Profile;

public sealed class ProfileTests(SeededPortalData data)
{
    private static async Task<HttpResponseMessage> SubmitAsync(PortalClient client, string url, string selector, Dictionary<string, string>? values = null)
    {
        var page = await client.GetPageAsync(url);
        return await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>(selector)!, values);
    }

    [Fact]
    public async Task CustomerEditsOwnPhoneAndJobTitleThroughThePort()
    {
        using var portal = new PrivatePortalFactory(data);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(Personas.AuthorizedUser, Personas.Password);

        var response = await SubmitAsync(client, "/Identity/Account/Manage", "form.profile-form", new() { ["Input.Phone"] = "+1 (425) 555-0199", ["Input.JobTitle"] = "Head of Purchasing" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mirror = MirrorQueries.Open(portal.MirrorPath);
        Assert.Equal("+1 (425) 555-0199|Head of Purchasing", mirror.ContactDetailsByEmail(Personas.AuthorizedUser) is var (phone, jobTitle) ? $"{phone}|{jobTitle}" : null);
        var page = await client.GetPageAsync("/Identity/Account/Manage");
        Assert.Equal("Head of Purchasing", page.QuerySelector<IHtmlInputElement>("#Input_JobTitle")!.Value);
    }

    [Fact]
    public async Task InvalidPhoneIsRefusedNextToTheFieldAndNothingChanges()
    {
        using var portal = new PrivatePortalFactory(data);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(Personas.AuthorizedUser, Personas.Password);
        var mirror = MirrorQueries.Open(portal.MirrorPath);
        var before = mirror.ContactDetailsByEmail(Personas.AuthorizedUser).Phone;

        var response = await SubmitAsync(client, "/Identity/Account/Manage", "form.profile-form", new() { ["Input.Phone"] = "<script>", ["Input.JobTitle"] = "x" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("digits", (await PortalClient.ParseAsync(response)).QuerySelector("#phone-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, mirror.ContactDetailsByEmail(Personas.AuthorizedUser).Phone);
    }

    [Fact]
    public async Task ChangePasswordChecksTheCurrentOneAndThePolicy()
    {
        using var portal = new PrivatePortalFactory(data);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(Personas.AuthorizedUser, Personas.Password);

        var wrong = await SubmitAsync(client, "/Identity/Account/Manage/ChangePassword", "form.password-form", new() { ["Input.CurrentPassword"] = "not my password", ["Input.NewPassword"] = "Quiet orchard 2031 lamp", ["Input.ConfirmPassword"] = "Quiet orchard 2031 lamp" });
        Assert.Contains("not correct", (await PortalClient.ParseAsync(wrong)).QuerySelector("#current-error")!.TextContent, StringComparison.Ordinal);

        var common = await SubmitAsync(client, "/Identity/Account/Manage/ChangePassword", "form.password-form", new() { ["Input.CurrentPassword"] = Personas.Password, ["Input.NewPassword"] = "Qwertyuiop123!", ["Input.ConfirmPassword"] = "Qwertyuiop123!" });
        Assert.Contains("too common", (await PortalClient.ParseAsync(common)).QuerySelector("#new-error")!.TextContent, StringComparison.Ordinal);

        var changed = await SubmitAsync(client, "/Identity/Account/Manage/ChangePassword", "form.password-form", new() { ["Input.CurrentPassword"] = Personas.Password, ["Input.NewPassword"] = "Quiet orchard 2031 lamp", ["Input.ConfirmPassword"] = "Quiet orchard 2031 lamp" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var again = portal.CreatePortalClient();
        await again.SignInAsync(Personas.AuthorizedUser, "Quiet orchard 2031 lamp");
    }

    [Fact]
    public async Task AuthenticatorAppTurnsOnTwoStepSignInAndRecoveryCodesWork()
    {
        using var portal = new PrivatePortalFactory(data);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(Personas.Representative, Personas.Password);
        using var phone = portal.CreatePortalClient();
        await phone.SignInAsync(Personas.Representative, Personas.Password);

        // Looking at the page changes nothing; the key is made on request, and keeps this session open.
        var setup = await client.GetPageAsync("/Identity/Account/Manage/TwoFactor");
        Assert.Null(setup.QuerySelector(".shared-key"));
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/Orders")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(setup.QuerySelector<IHtmlFormElement>("form.key-form")!)).StatusCode);
        setup = await client.GetPageAsync("/Identity/Account/Manage/TwoFactor");
        var key = setup.QuerySelector(".shared-key")!.TextContent;
        var wrong = await client.SubmitAsync(setup.QuerySelector<IHtmlFormElement>("form.enable-form")!, new Dictionary<string, string> { ["Code"] = "000000" == Totp.Code(key) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);

        setup = await client.GetPageAsync("/Identity/Account/Manage/TwoFactor");
        var enabled = await client.SubmitAsync(setup.QuerySelector<IHtmlFormElement>("form.enable-form")!, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        var after = await client.GetPageAsync("/Identity/Account/Manage/TwoFactor");
        var recoveryCodes = after.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal("true", after.QuerySelector(".two-factor-state")!.GetAttribute("data-enabled"));

        // Signing in now takes the password, then a code.
        using var second = portal.CreatePortalClient();
        var login = await second.GetPageAsync("/Identity/Account/Login");
        var form = login.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Elements["Input.Email"] is not null);
        var step1 = await second.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = Personas.Representative, ["Input.Password"] = Personas.Password });
        Assert.Equal(HttpStatusCode.Redirect, step1.StatusCode);
        Assert.StartsWith("/Identity/Account/LoginWith2fa", step1.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/Orders")).Response.StatusCode);

        var codePage = await second.GetPageAsync(step1.Headers.Location!.OriginalString);
        var step2 = await second.SubmitAsync(codePage.QuerySelector<IHtmlFormElement>("form")!, new Dictionary<string, string> { ["Code"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/Orders")).Response.StatusCode);
    }

    // Turning off two-step sign-in that is not on would make a new key and stamp, and so end the user's
    // sessions on their other devices (found by the fuzz test): it is not found, and changes nothing.
    [Fact]
    public async Task TurningOffTwoStepSignInThatIsNotOnIsNotFoundAndEndsNoSession()
    {
        using var portal = new PrivatePortalFactory(data);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(Personas.Representative, Personas.Password);
        using var phone = portal.CreatePortalClient();
        await phone.SignInAsync(Personas.Representative, Personas.Password);
        var form = (await client.GetPageAsync("/Identity/Account/Manage/TwoFactor")).QuerySelector<IHtmlFormElement>("form.key-form")!;
        form.Action = "/Identity/Account/Manage/TwoFactor?handler=Disable";

        var response = await client.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/Orders")).Response.StatusCode);
        Assert.Null((await client.GetPageAsync("/Identity/Account/Manage/TwoFactor")).QuerySelector(".shared-key"));
    }

    [Fact]
    public async Task AdministratorsHaveNoContactFieldsToEdit()
    {
        using var portal = new PortalFactory(data);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);

        var page = await client.GetPageAsync("/Identity/Account/Manage");

        Assert.Null(page.QuerySelector("form.profile-form"));
    }
}
