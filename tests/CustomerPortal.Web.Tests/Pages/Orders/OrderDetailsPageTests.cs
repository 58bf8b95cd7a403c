using System.Globalization;
using System.Net;
using AngleSharp.Dom;

namespace CustomerPortal.Web.Tests.Pages.Orders;

// /Orders/{number}: who may open which order, and that lines and totals are the mirror's.
public sealed class OrderDetailsPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly PortalTexts Text = PortalTexts.English;

    [Fact]
    public async Task AnotherCustomersOrderAnswersNotFoundInBothDirections()
    {
        var contosoOrder = portal.Mirror.OrdersOfAccountOf(Personas.Representative)[0].Number;
        var fabrikamOrder = portal.Mirror.OrdersOfAccountOf(Personas.OtherCustomer)[0].Number;
        using var contoso = await SignedInAsync(Personas.Representative);
        using var fabrikam = await SignedInAsync(Personas.OtherCustomer);

        await AssertFriendlyNotFoundAsync(contoso, "/Orders/" + fabrikamOrder);
        await AssertFriendlyNotFoundAsync(fabrikam, "/Orders/" + contosoOrder);

        // Each can open their own, so the 404s above are about ownership, not about the numbers.
        Assert.Equal(HttpStatusCode.OK, (await contoso.GetAsync("/Orders/" + contosoOrder)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fabrikam.GetAsync("/Orders/" + fabrikamOrder)).Response.StatusCode);
    }

    [Fact]
    public async Task ColleaguesOrderIsHiddenFromTheAuthorizedUserButOpenToTheRepresentative()
    {
        var own = portal.Mirror.OrdersPlacedBy(Personas.AuthorizedUser).Select(o => o.Number).ToHashSet();
        var colleagues = portal.Mirror.OrdersOfAccountOf(Personas.AuthorizedUser).First(o => !own.Contains(o.Number)).Number;
        using var buyer = await SignedInAsync(Personas.AuthorizedUser);
        using var representative = await SignedInAsync(Personas.Representative);

        await AssertFriendlyNotFoundAsync(buyer, "/Orders/" + colleagues);
        Assert.Equal(HttpStatusCode.OK, (await buyer.GetAsync("/Orders/" + own.First())).Response.StatusCode);
        var (response, page) = await representative.GetAsync("/Orders/" + colleagues);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Text["Order.Title", colleagues], page.QuerySelector("h1 span")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("SO-9999999")]
    [InlineData("so-0000001x")]
    [InlineData("%25")]
    [InlineData("SO-0000001%27%20OR%20%271%27%3D%271")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task UnknownOrderNumberAnswersTheFriendlyNotFoundPage(string number)
    {
        using var client = await SignedInAsync(Personas.Representative);

        await AssertFriendlyNotFoundAsync(client, "/Orders/" + number);
    }

    [Fact]
    public async Task LinesAndTotalsAreTheMirrorsForAVarietyOfOrders()
    {
        var orders = PickOrders();
        using var client = await SignedInAsync(Personas.Representative);

        foreach (var order in orders)
        {
            var page = await client.GetPageAsync("/Orders/" + order.Number);

            AssertLines(portal.Mirror, page, order);
            AssertTotals(portal.Mirror, page, order);
        }
    }

    [Fact]
    public async Task AWriteInLineShowsItsDescriptionMarkedAsAWriteInAndItsUnit()
    {
        var order = portal.Mirror.OrdersOfAccountOf(Personas.Representative)
            .First(o => portal.Mirror.Lines(o.Number).Any(l => l.WriteInDescription is not null));
        var writeIn = portal.Mirror.Lines(order.Number).First(l => l.WriteInDescription is not null);
        using var client = await SignedInAsync(Personas.Representative);

        var page = await client.GetPageAsync("/Orders/" + order.Number);

        var row = HtmlTable.Rows(page.QuerySelector("section[aria-labelledby=lines-heading] table")!)
            .Single(r => HtmlTable.DesktopText(r[Text["Line.Number"]]) == writeIn.Sequence.ToString(CultureInfo.InvariantCulture));
        var product = row[Text["Line.Product"]];
        Assert.Equal(writeIn.WriteInDescription, product.QuerySelector(".write-in-description")!.TextContent.Trim());
        Assert.StartsWith(Text["Line.WriteIn"], product.QuerySelector(".badge")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("—", HtmlTable.DesktopText(row[Text["Line.Item"]]));
        Assert.Equal("ea", HtmlTable.DesktopText(row[Text["Line.Unit"]]));
        Assert.Equal(order.Currency.Format(writeIn.LineAmount, Text.Culture), HtmlTable.DesktopText(row[Text["Line.Amount"]]));
    }

    [Fact]
    public async Task OrderOpenedFromTheListLeadsBackToTheSameFilteredList()
    {
        using var client = await SignedInAsync(Personas.Representative);
        var list = await client.GetPageAsync("/Orders?sort=OldestFirst&size=10");
        var first = list.QuerySelector<AngleSharp.Html.Dom.IHtmlAnchorElement>("table tbody tr td:first-child a")!;

        var details = await client.ClickAsync(first);

        Assert.Equal(Text["Order.Title", first.TextContent.Trim()], details.QuerySelector("h1 span")!.TextContent.Trim());
        var back = details.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlAnchorElement>("a").Single(a => a.TextContent.Trim() == Text["Order.Back"]);
        Assert.Equal("/Orders?sort=OldestFirst&size=10", new Uri(back.Href).PathAndQuery);
    }

    [Theory]
    [InlineData("https://evil.example/Orders?x=1")]
    [InlineData("//evil.example/Orders?x=1")]
    [InlineData("/Account")]
    public async Task BackLinkNeverLeavesTheOrderList(string returnUrl)
    {
        var number = portal.Mirror.OrdersOfAccountOf(Personas.Representative)[0].Number;
        using var client = await SignedInAsync(Personas.Representative);

        var details = await client.GetPageAsync($"/Orders/{number}?returnUrl={Uri.EscapeDataString(returnUrl)}");

        var back = details.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlAnchorElement>("a").Single(a => a.TextContent.Trim() == Text["Order.Back"]);
        Assert.Equal("/Orders", back.GetAttribute("href"));
    }

    // The newest order, the one with most lines, one with fractional quantities, one with a line discount and
    // one with a write-in line: the cases where formatting can go wrong.
    private List<MirrorOrder> PickOrders() => PickOrders(portal.Mirror);

    internal static List<MirrorOrder> PickOrders(MirrorQueries mirror)
    {
        var orders = mirror.OrdersOfAccountOf(Personas.Representative);
        var numbers = new List<string>
        {
            orders.MaxBy(o => o.CreatedOnUtc)!.Number,
            orders.MaxBy(o => mirror.Lines(o.Number).Count)!.Number,
        };
        numbers.AddRange(orders.Where(o => mirror.Lines(o.Number).Any(l => l.Quantity != decimal.Truncate(l.Quantity))).Take(1).Select(o => o.Number));
        numbers.AddRange(orders.Where(o => mirror.Lines(o.Number).Any(l => l.Discount != 0)).Take(1).Select(o => o.Number));
        numbers.Add(orders.First(o => mirror.Lines(o.Number).Any(l => l.WriteInDescription is not null)).Number);
        return numbers.Distinct().Select(mirror.Order).ToList();
    }

    // Shared with the Dataverse-mode page tests: the same lines and totals on either data source.
    internal static void AssertLines(MirrorQueries mirror, IDocument page, MirrorOrder order)
    {
        var expected = mirror.Lines(order.Number);
        var rows = HtmlTable.Rows(page.QuerySelector("section[aria-labelledby=lines-heading] table")!);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, rows.Count);
        foreach (var (line, row) in expected.Zip(rows))
        {
            Assert.Equal(line.Sequence.ToString(CultureInfo.InvariantCulture), HtmlTable.DesktopText(row[Text["Line.Number"]]));
            Assert.Equal(line.ItemNumber ?? "—", HtmlTable.DesktopText(row[Text["Line.Item"]]));
            if (line.WriteInDescription is { } description)
            {
                // A write-in line names itself and says it is one, in words a screen reader reads out too.
                Assert.Equal($"{description} {Text["Line.WriteIn"]}: {Text["Line.WriteIn.Explained"]}", HtmlTable.DesktopText(row[Text["Line.Product"]]));
            }

            Assert.Equal(line.Unit, HtmlTable.DesktopText(row[Text["Line.Unit"]]));
            Assert.Equal(line.Quantity.ToString("N" + line.QuantityDecimals, Text.Culture), HtmlTable.DesktopText(row[Text["Line.Quantity"]]));
            Assert.Equal(order.Currency.Format(line.UnitPrice, Text.Culture), HtmlTable.DesktopText(row[Text["Line.UnitPrice"]]));
            Assert.Equal(line.Discount == 0 ? "—" : order.Currency.Format(line.Discount, Text.Culture), HtmlTable.DesktopText(row[Text["Line.Discount"]]));
            Assert.Equal(order.Currency.Format(line.LineAmount, Text.Culture), HtmlTable.DesktopText(row[Text["Line.Amount"]]));
        }
    }

    internal static void AssertTotals(MirrorQueries mirror, IDocument page, MirrorOrder order)
    {
        var totals = mirror.Totals(order.Number);
        var shown = page.QuerySelectorAll("dl.totals dt")
            .ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim(), StringComparer.Ordinal);

        string Money(decimal amount) => order.Currency.Format(amount, Text.Culture);
        Assert.Equal(Money(totals.LineTotal), shown[Text["Order.LinesTotal"]]);
        Assert.Equal(Money(totals.Discount == 0 ? 0 : -totals.Discount), shown[Text["Order.Discount"]]);
        Assert.Equal(Money(totals.Freight), shown[Text["Order.Freight"]]);
        Assert.Equal(Money(totals.Tax), shown[Text["Order.Tax"]]);
        Assert.Equal(Money(totals.Total), shown[Text["Order.Total"]]);
        Assert.Equal(Text["Order.CurrencyNote", order.Currency.IsoCode], page.QuerySelector("dl.totals + p")!.TextContent.Trim());
    }

    internal static async Task AssertFriendlyNotFoundAsync(PortalClient client, string url)
    {
        var (response, page) = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(Text["Status.NotFound.Heading"], page.QuerySelector("main h1")!.TextContent.Trim());
        var body = page.Body!.TextContent;
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at CustomerPortal.", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("table"));
    }

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email, Personas.Password);
        return client;
    }
}
