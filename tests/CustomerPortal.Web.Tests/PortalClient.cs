using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.Web.Tests;

// Talks to the portal like a browser without JavaScript: it reads the rendered HTML and submits the
// real forms, so field names and antiforgery tokens are tested as they are, never guessed.
public sealed class PortalClient(HttpClient http, ServerLog? serverLog = null) : IDisposable
{
    public HttpClient Http { get; } = http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string url)
    {
        var response = await Http.GetAsync(url, Ct);
        return (response, await ParseAsync(response));
    }

    public async Task<IDocument> GetPageAsync(string url)
    {
        var (response, document) = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}. {serverLog?.Errors()}");
        return document;
    }

    // Submits a form of the page with the given field values (others keep their rendered values).
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, IReadOnlyDictionary<string, string>? values = null, IHtmlElement? submitter = null)
    {
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            switch (form.Elements[name])
            {
                case IHtmlInputElement input when input.Type is "checkbox":
                    input.IsChecked = bool.Parse(value);
                    break;
                case IHtmlInputElement input:
                    input.Value = value;
                    break;
                case IHtmlTextAreaElement textArea:
                    textArea.Value = value;
                    break;
                case IHtmlSelectElement select:
                    select.Value = value;
                    break;
                default:
                    throw new InvalidOperationException($"The form has no field named '{name}'.");
            }
        }

        var submission = (submitter is null ? form.GetSubmission() : form.GetSubmission(submitter)) ?? throw new InvalidOperationException("The form cannot be submitted.");
        var target = new Uri(submission.Target.Href);
        using var request = new HttpRequestMessage(new HttpMethod(submission.Method.ToString().ToUpperInvariant()), target.PathAndQuery);
        if (request.Method == HttpMethod.Post)
        {
            var content = new StreamContent(submission.Body);
            content.Headers.TryAddWithoutValidation("Content-Type", submission.MimeType);
            request.Content = content;
        }

        return await Http.SendAsync(request, Ct);
    }

    // A destructive action as a user without JavaScript takes it: the button (which only asks), then the
    // confirmation the page shows in its place, posted with the given field values.
    public async Task<HttpResponseMessage> ConfirmAsync(IHtmlFormElement ask, IReadOnlyDictionary<string, string>? values = null)
    {
        var asked = await SubmitAsync(ask);
        Assert.True(asked.StatusCode == HttpStatusCode.OK, $"The confirmation step answered {(int)asked.StatusCode}.");
        var confirm = (await ParseAsync(asked)).QuerySelector<IHtmlFormElement>("form.confirm-step")
            ?? throw new InvalidOperationException("The page shows no confirmation step.");
        return await SubmitAsync(confirm, values);
    }

    public async Task SignInAsync(string email, string password)
    {
        var response = await SubmitSignInFormAsync(email, password);

        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var alert = (await ParseAsync(response)).QuerySelector("[role=alert]")?.TextContent.Trim();
            Assert.Fail($"Signing in as {email} answered {(int)response.StatusCode} {alert}. {serverLog?.Errors()}");
        }
    }

    // Fills in and posts the sign-in form as rendered; the answer is returned as it comes.
    public async Task<HttpResponseMessage> SubmitSignInFormAsync(string email, string password, string loginUrl = "/Identity/Account/Login")
    {
        var page = await GetPageAsync(loginUrl);
        return await SubmitAsync(SignInForm(page), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    public static IHtmlFormElement SignInForm(IDocument page) =>
        page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Elements["Input.Email"] is not null);

    // GETs the Location of a redirect, as a browser would.
    public async Task<(HttpResponseMessage Response, IDocument Document)> FollowAsync(HttpResponseMessage redirect)
    {
        Assert.True(redirect.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect, got {(int)redirect.StatusCode}.");
        var location = redirect.Headers.Location!;
        return await GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    // Follows a rendered link.
    public Task<IDocument> ClickAsync(IHtmlAnchorElement link) => GetPageAsync(new Uri(link.Href).PathAndQuery);

    // Walks a list from its first page through the rendered "Next page" links and returns every page.
    public async Task<IReadOnlyList<IDocument>> AllPagesAsync(string firstPageUrl, string nextPageText)
    {
        var pages = new List<IDocument> { await GetPageAsync(firstPageUrl) };
        while (NextPageLink(pages[^1], nextPageText) is { } next)
        {
            Assert.True(pages.Count < 200, "The list never reaches a last page.");
            pages.Add(await ClickAsync(next));
        }

        return pages;
    }

    public static IHtmlAnchorElement? NextPageLink(IDocument page, string nextPageText) =>
        page.QuerySelectorAll<IHtmlAnchorElement>("nav a").SingleOrDefault(a => a.TextContent.Trim() == nextPageText);

    public static bool SetsCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(cookie => cookie.StartsWith(name + "=", StringComparison.Ordinal) && !cookie.StartsWith(name + "=;", StringComparison.Ordinal));

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"), Ct);
    }

    public void Dispose() => Http.Dispose();
}
