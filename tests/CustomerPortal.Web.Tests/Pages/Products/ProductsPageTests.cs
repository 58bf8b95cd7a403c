using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.Web.Tests.Pages.Products;

// /Products: the active catalogue with the estimated price from the signed-in contact's price list.
public sealed class ProductsPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int Retired = 1;
    private const int Draft = 2;
    private static readonly PortalTexts Text = PortalTexts.English;

    [Theory]
    [InlineData(Personas.Representative)]
    [InlineData(Personas.OtherCustomer)]
    public async Task SearchingAnItemNumberFindsItWithThePriceFromTheContactsPriceList(string email)
    {
        var prices = PricesFor(email);
        var product = prices.Where(p => p.Amount is not null).ElementAt(prices.Count / 3);
        using var client = await SignedInAsync(email);

        var rows = await SearchAsync(client, product.ItemNumber);

        var row = Assert.Single(rows, r => HtmlTable.DesktopText(r[Text["Product.ItemNumber"]]) == product.ItemNumber);
        Assert.Equal(product.Currency.Format(product.Amount!.Value, Text.Culture), HtmlTable.DesktopText(row[Text["Product.EstimatedPrice"]]));
    }

    [Fact]
    public async Task ProductNotOnThePriceListSaysSo()
    {
        var product = PricesFor(Personas.Representative).First(p => p.Amount is null);
        using var client = await SignedInAsync(Personas.Representative);

        var rows = await SearchAsync(client, product.ItemNumber);

        var row = Assert.Single(rows, r => HtmlTable.DesktopText(r[Text["Product.ItemNumber"]]) == product.ItemNumber);
        Assert.Equal(Text["Products.NotOnPriceList"], HtmlTable.DesktopText(row[Text["Product.EstimatedPrice"]]));
    }

    [Theory]
    [InlineData(Retired)]
    [InlineData(Draft)]
    public async Task SearchingARetiredOrDraftProductFindsNothing(int state)
    {
        var itemNumber = portal.Mirror.ItemNumbersInState(state)[0];
        using var client = await SignedInAsync(Personas.Representative);

        var page = await client.GetPageAsync("/Products?search=" + itemNumber);

        Assert.Empty(page.QuerySelectorAll("table tbody tr"));
        Assert.Equal(Text["Products.EmptySearch"], page.QuerySelector(".empty-state h2")!.TextContent.Trim());
    }

    [Fact]
    public async Task PagingThroughTheCatalogueShowsEveryActiveProductOnceAndNoOther()
    {
        var expected = PricesFor(Personas.Representative).ToList();
        var inactive = portal.Mirror.ItemNumbersInState(Retired).Concat(portal.Mirror.ItemNumbersInState(Draft)).ToHashSet();
        using var client = await SignedInAsync(Personas.Representative);
        var first = await client.GetPageAsync("/Products");
        var response = await client.SubmitAsync(first.QuerySelector<IHtmlFormElement>("form[role=search]")!, new Dictionary<string, string> { ["size"] = "100" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var pages = await client.AllPagesAsync(response.RequestMessage!.RequestUri!.PathAndQuery, Text["List.NextPage"]);

        var rows = pages.SelectMany(Rows).ToList();
        Assert.Equal((expected.Count + 99) / 100, pages.Count);
        Assert.Equal(expected.Select(p => p.ItemNumber), rows.Select(r => HtmlTable.DesktopText(r[Text["Product.ItemNumber"]])));
        Assert.Equal(
            expected.Select(p => p.Amount is { } amount ? p.Currency.Format(amount, Text.Culture) : Text["Products.NotOnPriceList"]),
            rows.Select(r => HtmlTable.DesktopText(r[Text["Product.EstimatedPrice"]])));
        Assert.NotEmpty(inactive);
        Assert.DoesNotContain(rows, r => inactive.Contains(HtmlTable.DesktopText(r[Text["Product.ItemNumber"]])));
    }

    [Fact]
    public async Task TooLongSearchIsExplainedNextToTheSearchField()
    {
        using var client = await SignedInAsync(Personas.Representative);

        var (response, page) = await client.GetAsync("/Products?search=" + new string('x', Core.Products.ProductQuery.MaxSearchLength + 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is-invalid", page.GetElementById("search")!.ClassList);
        Assert.Equal(Text["Validation.SearchTooLong", "Search", Core.Products.ProductQuery.MaxSearchLength], page.GetElementById("search-error")!.TextContent.Trim());
    }

    private IReadOnlyList<MirrorPrice> PricesFor(string email) =>
        portal.Mirror.ActiveProductPrices(portal.Mirror.ContactByEmail(email).PriceListId!);

    private static IEnumerable<IReadOnlyDictionary<string, IElement>> Rows(IDocument page) =>
        page.QuerySelector("table") is { } table ? HtmlTable.Rows(table) : [];

    // Types the text into the rendered search form and submits it.
    private static async Task<List<IReadOnlyDictionary<string, IElement>>> SearchAsync(PortalClient client, string search)
    {
        var page = await client.GetPageAsync("/Products");
        var response = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[role=search]")!, new Dictionary<string, string> { ["search"] = search });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Rows(await PortalClient.ParseAsync(response)).ToList();
    }

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email, Personas.Password);
        return client;
    }
}
