using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.Web.Tests;

// Talks to the portal like a browser without JavaScript: it reads the rendered HTML and submits the
// real forms, so field names and antiforgery tokens are tested as they are, never guessed.
public sealed class PortalClient(HttpClient http) : IDisposable
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
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}.");
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

    public async Task SignInAsync(string email, string password)
    {
        var page = await GetPageAsync("/Identity/Account/Login");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Elements["Input.Email"] is not null);

        var response = await SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Signing in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"), Ct);
    }

    public void Dispose() => Http.Dispose();
}
