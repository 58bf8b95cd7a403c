using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.Web.Tests.Onboarding;

// The onboarding steps as a person performs them, through the rendered pages.
public static class PortalSteps
{
    // Searches the invitations page and submits the invite form of the contact's row; returns the response.
    public static async Task<HttpResponseMessage> InviteAsync(PortalClient admin, string search, Guid contactId, string role, string page = "/Admin/Invitations")
    {
        var document = await admin.GetPageAsync($"{page}?search={Uri.EscapeDataString(search)}");
        var form = document.QuerySelectorAll<IHtmlFormElement>("form.invite-form")
            .Single(f => ((f.Elements["Input.ContactId"] ?? f.Elements["contactId"]) as IHtmlInputElement)?.Value == contactId.ToString());
        var values = new Dictionary<string, string>();
        if (form.Elements["Input.Role"] is not null)
        {
            values["Input.Role"] = role;
        }

        return await admin.SubmitAsync(form, values);
    }

    // The invitation link of the newest mail to that address in the pickup folder.
    public static string LinkFromPickupFolder(string dataDirectory, string email)
    {
        var mail = Directory.GetFiles(Path.Combine(dataDirectory, "mail-pickup"), "*.eml")
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .Where(m => m.Text.Contains("To: " + email, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(m => File.GetLastWriteTimeUtc(m.Path))
            .First();
        var start = mail.Text.IndexOf("http", mail.Text.IndexOf("/Invitation?code=", StringComparison.Ordinal) - 40, StringComparison.Ordinal);
        var end = mail.Text.IndexOfAny(['\r', '\n', ' '], start);
        return mail.Text[start..end];
    }

    public static string PathOf(string link) => new Uri(link).PathAndQuery;

    // Opens the invitation and chooses a password; returns the response of the post.
    public static async Task<HttpResponseMessage> RedeemAsync(PortalClient invitee, string link, string password, string? confirm = null)
    {
        var document = await invitee.GetPageAsync(PathOf(link));
        var form = document.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Elements["Input.Password"] is not null);
        return await invitee.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        });
    }

    public static async Task<string> UnusableReasonAsync(PortalClient client, string url)
    {
        var (response, document) = await client.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return document.QuerySelector(".invitation-unusable")?.GetAttribute("data-reason") ?? "usable";
    }
}
