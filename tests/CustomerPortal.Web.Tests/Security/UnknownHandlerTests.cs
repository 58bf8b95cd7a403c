using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.Web.Tests.Security;

// Found by the fuzz test: a post to a page that only shows (an order's details, the account page) rendered
// the page without running any handler, and the empty page model gave a 500.
public sealed class UnknownHandlerTests(SeededPortalData data) : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _portal = new(data);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("POST", "/Orders/{number}", HttpStatusCode.MethodNotAllowed, "Status.Other.Heading")]
    [InlineData("POST", "/Account", HttpStatusCode.MethodNotAllowed, "Status.Other.Heading")]
    [InlineData("POST", "/Orders/{number}?handler=Remove", HttpStatusCode.MethodNotAllowed, "Status.Other.Heading")]
    public async Task ARequestNoHandlerMatchesGetsTheStatusPageNotAServerError(string method, string url, HttpStatusCode expected, string heading)
    {
        using var client = _portal.CreatePortalClient();
        await client.SignInAsync(Personas.AuthorizedUser, Personas.Password);
        var token = (await client.GetPageAsync("/")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{number}", _portal.Mirror.OrdersPlacedBy(Personas.AuthorizedUser)[0].Number, StringComparison.Ordinal));
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        }

        var response = await client.Http.SendAsync(request, Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(PortalTexts.English[heading], (await PortalClient.ParseAsync(response)).QuerySelector("main h1")?.TextContent.Trim());
    }
}
