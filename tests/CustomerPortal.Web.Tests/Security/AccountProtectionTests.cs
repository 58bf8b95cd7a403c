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

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            statuses.Add((await TrySignInAsync(client, $"someone{attempt}@example.com", "Wrong-password-x")).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        // Reading the sign-in page is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Identity/Account/Login")).Response.StatusCode);
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
