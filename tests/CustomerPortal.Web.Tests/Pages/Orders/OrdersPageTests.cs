using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.Web.Tests.Pages.Orders;

public sealed class OrdersPageTests(SeededPortalData data) : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _portal = new(data);

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignIn()
    {
        using var client = _portal.CreatePortalClient();

        var (response, _) = await client.GetAsync("/Orders");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepresentativeSeesOrdersOfTheirAccountOnly()
    {
        using var client = _portal.CreatePortalClient();
        await client.SignInAsync(Personas.Representative, Personas.Password);

        var page = await client.GetPageAsync("/Orders");

        var numbers = page.QuerySelectorAll<IHtmlAnchorElement>("table tbody a[href^='/Orders/']").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(25, numbers.Count);
        var mirror = MirrorQueries.Open(data.MirrorPath);
        Assert.All(numbers, n => Assert.Equal("US-0001", mirror.AccountNumberOfOrder(n)));
    }
}
