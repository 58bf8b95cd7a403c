using AngleSharp.Dom;

namespace CustomerPortal.Web.Tests.Pages.Orders;

// /Orders: whose orders each role sees, across every page of the list.
public sealed class OrdersPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly PortalTexts Text = PortalTexts.English;

    [Fact]
    public async Task RepresentativeSeesEveryOrderOfTheirAccountAcrossAllPagesNewestFirst()
    {
        var expected = portal.Mirror.OrdersOfAccountOf(Personas.Representative)
            .OrderByDescending(o => o.CreatedOnUtc).ThenByDescending(o => o.Number, StringComparer.Ordinal)
            .Select(o => o.Number)
            .ToList();
        using var client = await SignedInAsync(Personas.Representative);

        var pages = await client.AllPagesAsync("/Orders", Text["List.NextPage"]);

        Assert.True(pages.Count > 1, "The representative's account should need more than one page.");
        Assert.Equal(expected, pages.SelectMany(OrderNumbers));
        Assert.All(pages.SkipLast(1), page => Assert.Equal(Core.PageSize.Default, OrderNumbers(page).Count));
        Assert.Equal(Text["List.LastPage"], pages[^1].QuerySelector(".list-footer > span")!.TextContent.Trim());
    }

    [Fact]
    public async Task AuthorizedUserSeesOnlyTheOrdersWhereHeIsTheContactPerson()
    {
        var expected = portal.Mirror.OrdersPlacedBy(Personas.AuthorizedUser).Select(o => o.Number).Order(StringComparer.Ordinal).ToList();
        var accountWide = portal.Mirror.OrdersOfAccountOf(Personas.AuthorizedUser).Count;
        using var client = await SignedInAsync(Personas.AuthorizedUser);

        var pages = await client.AllPagesAsync("/Orders", Text["List.NextPage"]);

        Assert.NotEmpty(expected);
        Assert.True(expected.Count < accountWide, "Colleagues' orders must exist for this test to mean anything.");
        Assert.Equal(expected, pages.SelectMany(OrderNumbers).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OtherCustomerSeesOwnOrdersAndNoneOfContosos()
    {
        var expected = portal.Mirror.OrdersOfAccountOf(Personas.OtherCustomer).Select(o => o.Number).Order(StringComparer.Ordinal).ToList();
        var contoso = portal.Mirror.OrdersOfAccountOf(Personas.Representative).Select(o => o.Number).ToHashSet();
        using var client = await SignedInAsync(Personas.OtherCustomer);

        var listed = (await client.AllPagesAsync("/Orders", Text["List.NextPage"])).SelectMany(OrderNumbers).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(listed, contoso.Contains);
    }

    [Fact]
    public async Task ListRowsShowTheMirrorsRequisitionPlacedByStatusAndTotal()
    {
        var mirror = portal.Mirror.OrdersOfAccountOf(Personas.Representative).ToDictionary(o => o.Number);
        using var client = await SignedInAsync(Personas.Representative);

        var page = await client.GetPageAsync("/Orders");

        var rows = HtmlTable.Rows(page.QuerySelector("table")!);
        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            var order = mirror[HtmlTable.DesktopText(row[Text["Order.Number"]])];
            Assert.Equal(order.RequisitionNumber ?? "—", HtmlTable.DesktopText(row[Text["Order.Requisition"]]));
            Assert.Equal(DateOnly.FromDateTime(order.CreatedOnUtc).ToString("d", Text.Culture), HtmlTable.DesktopText(row[Text["Order.OrderDate"]]));
            Assert.Equal(order.ContactPersonName ?? "—", HtmlTable.DesktopText(row[Text["Order.PlacedBy"]]));
            Assert.Equal(Text[$"ProcessingStatus.{(Core.Orders.ProcessingStatus)order.ProcessingStatus}"], HtmlTable.DesktopText(row[Text["Order.Status"]].QuerySelector(".status-badge")!));
            Assert.Equal(order.IsLateOn(PortalFactory.Today) ? Text["Order.Late"] : null, row[Text["Order.Status"]].QuerySelector(".late-badge")?.TextContent.Trim());
            Assert.Equal(order.RequestedReceiptDate?.ToString("d", Text.Culture) ?? "—", HtmlTable.DesktopText(row[Text["Order.RequestedReceipt"]]));
            Assert.Equal(order.ConfirmedReceiptDate?.ToString("d", Text.Culture) ?? "—", HtmlTable.DesktopText(row[Text["Order.ConfirmedReceipt"]]));
            Assert.Equal(order.Currency.Format(order.TotalAmount, Text.Culture), HtmlTable.DesktopText(row[Text["Order.Total"]]));
        });
    }

    [Theory]
    [InlineData(Personas.Representative, true)]
    [InlineData(Personas.OtherCustomer, true)]
    [InlineData(Personas.AuthorizedUser, false)]
    public async Task PlacedByColumnIsShownToRepresentativesOnly(string email, bool shown)
    {
        using var client = await SignedInAsync(email);

        var page = await client.GetPageAsync("/Orders");

        var headings = HtmlTable.Headings(page.QuerySelector("table")!);
        Assert.Contains(Text["Order.Number"], headings);
        Assert.Equal(shown, headings.Contains(Text["Order.PlacedBy"]));
    }

    private static List<string> OrderNumbers(IDocument page) =>
        page.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email, Personas.Password);
        return client;
    }
}
