using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Core;
using CustomerPortal.PortalStore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Web.Tests.Pages.Ordering;

// The portal over its own freshly seeded data directory: ordering writes to the mirror and the
// portal store, and the foundation's page tests must keep seeing the untouched seed.
public class OrderingPortal : PortalFactory
{
    public OrderingPortal() : base(SeedOwnCopy())
    {
    }

    public string MirrorConnectionString => $"Data Source={Data.MirrorPath}";

    // A customer user linked to a given contact, for the contacts no persona uses (incomplete ones).
    public async Task<string> CreateUserForContactAsync(Guid contactId, string role = PortalRoles.AuthorizedUser)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"user-{contactId:N}@ordering.example";
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test user", ContactId = contactId };
            Assert.True((await users.CreateAsync(user, Personas.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return email;
    }

    public async Task<PortalClient> SignedInAsync(string email, string password = Personas.Password)
    {
        var client = CreatePortalClient();
        await client.SignInAsync(email, password);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Data.DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing connection: the temp folder is cleaned up by the OS.
            }
        }
    }

    private static SeededPortalData SeedOwnCopy() => SeededPortalData.CreateSeparate();
}

public static class OrderingFlow
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static IHtmlFormElement Form(AngleSharp.Dom.IDocument page, string selector) =>
        page.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form '{selector}' on {page.Url}.");

    public static string RequestedDate(int daysAhead = 14) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // Step 1; returns the draft id from the redirect to the items step.
    public static async Task<Guid> StartDraftAsync(PortalClient client, string? requisition = null)
    {
        var page = await client.GetPageAsync("/Orders/New");
        var response = await client.SubmitAsync(InformationForm(page), new Dictionary<string, string>
        {
            ["Input.RequestedReceiptDate"] = RequestedDate(),
            ["Input.RequisitionNumber"] = requisition ?? "",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Order information answered {(int)response.StatusCode}.");
        return DraftIdOf(response);
    }

    public static async Task<HttpResponseMessage> AddItemAsync(PortalClient client, Guid draftId, string itemNumber, string quantity)
    {
        var page = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Items");
        return await client.SubmitAsync(Form(page, "#add-form"), new Dictionary<string, string>
        {
            ["add.ItemNumber"] = itemNumber,
            ["add.Quantity"] = quantity,
        });
    }

    public static async Task<HttpResponseMessage> SubmitAsync(PortalClient client, Guid draftId)
    {
        var review = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Review");
        return await client.SubmitAsync(Form(review, "#submit-form"));
    }

    public static Task<string> TextAsync(HttpResponseMessage response) => response.Content.ReadAsStringAsync(Ct);

    // The order information form of /Orders/New (or of a draft's /Orders/New/{id}).
    public static IHtmlFormElement InformationForm(IDocument page) => Form(page, "form[method=post]:has(#information-next)");

    // The draft id in a redirect to the items step.
    public static Guid DraftIdOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.Matches("^/Orders/Drafts/[0-9a-f-]{36}/Items$", location);
        return Guid.Parse(location.Split('/')[3]);
    }

    // The user's open drafts, as their drafts page lists them.
    public static async Task<List<string>> DraftIdsAsync(PortalClient client) =>
        [.. (await client.GetPageAsync("/Orders/Drafts")).QuerySelectorAll("tr[data-draft]").Select(r => r.GetAttribute("data-draft")!)];

    // One rendered form posted many times at once with the same body, as an impatient user's clicks send it.
    public static async Task<(HttpStatusCode StatusCode, string? Location)[]> PostSimultaneouslyAsync(PortalClient client, IHtmlFormElement form, int times)
    {
        var submission = form.GetSubmission()!;
        using var buffer = new MemoryStream();
        await submission.Body.CopyToAsync(buffer, Ct);
        var body = buffer.ToArray();
        return await Task.WhenAll(Enumerable.Range(0, times).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(submission.Target.Href).PathAndQuery)
            {
                Content = new ByteArrayContent(body),
            };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", submission.MimeType);
            using var response = await client.Http.SendAsync(request, Ct);
            return (response.StatusCode, Location: response.Headers.Location?.OriginalString);
        }));
    }
}
