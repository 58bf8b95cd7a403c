using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.PortalStore;
using CustomerPortal.Testing;

namespace CustomerPortal.Web.Tests.Security;

public sealed class AccountProtectionTests(SeededPortalData data)
{
    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task FiveWrongPasswordsLockTheAccountForFifteenMinutes(PortalStoreProvider portalStore)
    {
        using var portal = new PrivatePortalFactory(data, portalStore);
        using var client = portal.CreatePortalClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var (status, message) = await TrySignInAsync(client, Personas.Representative, "Wrong-password-" + attempt);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(attempt < 5 ? "Invalid" : "locked", message, StringComparison.OrdinalIgnoreCase);
        }

        // Even the right password is refused now.
        var (after, lockedMessage) = await TrySignInAsync(client, Personas.Representative, Personas.Password);
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Contains("locked", lockedMessage, StringComparison.OrdinalIgnoreCase);

        var lockoutEnd = (await portal.FindUserAsync(Personas.Representative))!.LockoutEnd;
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
    }

    [Fact]
    public async Task TooManySignInAttemptsForOneAccountAreRefusedWhateverTheAddress()
    {
        using var portal = new PrivatePortalFactory(data);
        portal.Set("Security:CredentialPostsPerAccountPerMinute", "3");
        using var client = portal.CreatePortalClient();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await TrySignInAsync(client, "nobody-" + attempt + "@example.com", "Wrong-password-x");
            await TrySignInAsync(client, "somebody@example.com", "Wrong-password-" + attempt);
        }

        var (status, message) = await TrySignInAsync(client, "somebody@example.com", "Wrong-password-4");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("Too many attempts", message, StringComparison.Ordinal);

        // Another account from the same client is still fine.
        var (other, _) = await TrySignInAsync(client, "nobody-4@example.com", "Wrong-password-x");
        Assert.Equal(HttpStatusCode.OK, other);
    }

    [Fact]
    public async Task TooManySignInPostsFromOneAddressAnswer429()
    {
        using var portal = new PrivatePortalFactory(data);
        portal.Set("Security:CredentialPostsPerIpPerMinute", "4");
        using var client = portal.CreatePortalClient();

        var statuses = await WrongGuessesAsync(client, 6);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        // Reading the sign-in page is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Identity/Account/Login")).Response.StatusCode);
    }

    // Behind one NAT or proxy address everybody shares the per-address limit: someone's wrong guesses must
    // not shut out a colleague whose browser has signed in before (the trusted-device cookie).
    [Fact]
    public async Task WrongGuessesFromASharedAddressDoNotBlockABrowserThatHasSignedInBefore()
    {
        using var portal = new PrivatePortalFactory(data);
        portal.Set("Security:CredentialPostsPerIpPerMinute", "3");
        using var colleague = portal.CreatePortalClient();
        using var stranger = portal.CreatePortalClient();
        using var newcomer = portal.CreatePortalClient();

        await colleague.SignInAsync(Personas.Representative, Personas.Password);
        var orders = await colleague.GetPageAsync("/Orders");
        var signOut = orders.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Action.EndsWith("/Identity/Account/Logout", StringComparison.Ordinal));
        await colleague.SubmitAsync(signOut);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], await WrongGuessesAsync(stranger, 3));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TrySignInAsync(newcomer, Personas.AuthorizedUser, Personas.Password)).Status);

        var again = await colleague.SubmitSignInFormAsync(Personas.Representative, Personas.Password);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/Orders")).Response.StatusCode);
    }

    [Fact]
    public async Task AForgedDeviceCookieIsCountedWithItsAddress()
    {
        using var portal = new PrivatePortalFactory(data);
        portal.Set("Security:CredentialPostsPerIpPerMinute", "2");
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.Add("Cookie", "CustomerPortal.Device=forged-value");

        var statuses = await WrongGuessesAsync(client, 3);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    // Sign-in posts with a wrong password for someone1@, someone2@...: the status of each.
    private static async Task<List<HttpStatusCode>> WrongGuessesAsync(PortalClient client, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= count; attempt++)
        {
            statuses.Add((await TrySignInAsync(client, $"someone{attempt}@example.com", "Wrong-password-x")).Status);
        }

        return statuses;
    }

    private static async Task<(HttpStatusCode Status, string Message)> TrySignInAsync(PortalClient client, string email, string password)
    {
        var page = await client.GetPageAsync("/Identity/Account/Login");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Elements["Input.Email"] is not null);
        var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        var document = await PortalClient.ParseAsync(response);
        return (response.StatusCode, document.QuerySelector(".alert-danger, main")?.TextContent.Trim() ?? "");
    }
}
