using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Web.Tests.Pages.Orders;

namespace CustomerPortal.Web.Tests.Dataverse;

// The same portal over both data sources: SQLite mode on the seeded mirror, and Dataverse mode against
// the emulator serving a copy of the same mirror. Expectations come from one place (the seeded mirror),
// so every page must give the same answer in both modes. Read-only: nothing here changes the data.
public sealed partial class DataverseModePageTests(BothDataSources sources) : IClassFixture<BothDataSources>
{
    private static readonly PortalTexts Text = PortalTexts.English;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MirrorQueries Mirror => sources.Sqlite.Mirror;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task HomeWelcomesTheRepresentativeWithTheirAccount(string provider)
    {
        var contact = Mirror.ContactByEmail(Personas.Representative);
        using var client = await SignedInAsync(provider, Personas.Representative);

        var page = await client.GetPageAsync("/");

        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains(contact.AccountNumber, main, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("a[href^='/Orders']"));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task OrdersFirstPageIsTheMirrorsNewestAndTheNextLinksReachEveryOrderOfTheAccount(string provider)
    {
        var expected = Mirror.OrdersOfAccountOf(Personas.Representative)
            .OrderByDescending(o => o.CreatedOnUtc).ThenByDescending(o => o.Number, StringComparer.Ordinal)
            .Select(o => o.Number)
            .ToList();
        using var client = await SignedInAsync(provider, Personas.Representative);

        var pages = await client.AllPagesAsync("/Orders", Text["List.NextPage"]);

        Assert.True(pages.Count > 1, "The representative's account should need more than one page.");
        Assert.Equal(expected.Take(Core.PageSize.Default), OrderNumbers(pages[0]));
        Assert.Equal(expected, pages.SelectMany(OrderNumbers));
        var mirror = Mirror.OrdersOfAccountOf(Personas.Representative).ToDictionary(o => o.Number);
        Assert.All(HtmlTable.Rows(pages[0].QuerySelector("table")!), row =>
        {
            var order = mirror[HtmlTable.DesktopText(row[Text["Order.Number"]])];
            Assert.Equal(order.Currency.Format(order.TotalAmount, Text.Culture), HtmlTable.DesktopText(row[Text["Order.Total"]]));
            Assert.Equal(Text[$"ProcessingStatus.{(Core.Orders.ProcessingStatus)order.ProcessingStatus}"], HtmlTable.DesktopText(row[Text["Order.Status"]].QuerySelector(".status-badge")!));
            Assert.Equal(order.IsLateOn(PortalFactory.Today), row[Text["Order.Status"]].QuerySelector(".late-badge") is not null);
        });
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task OrderDetailsShowTheMirrorsLinesAndTotals(string provider)
    {
        var orders = OrderDetailsPageTests.PickOrders(Mirror);
        using var client = await SignedInAsync(provider, Personas.Representative);

        foreach (var order in orders)
        {
            var page = await client.GetPageAsync("/Orders/" + order.Number);

            OrderDetailsPageTests.AssertLines(Mirror, page, order);
            OrderDetailsPageTests.AssertTotals(Mirror, page, order);
        }
    }

    // Issue 11: the same late badges, timeline, delivered and remaining quantities on either source.
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task LateBadgesTimelineAndLineDeliveriesAreTheMirrors(string provider)
    {
        var orders = Mirror.OrdersOfAccountOf(Personas.Representative);
        var late = orders.Where(o => o.IsLateOn(PortalFactory.Today)).Select(o => o.Number).Order(StringComparer.Ordinal).ToList();
        var known = new[]
        {
            orders.First(o => o.IsLateOn(PortalFactory.Today)),
            orders.MaxBy(o => Mirror.LineDeliveries(o.Number).Sum(l => l.Delivered))!,
            orders.First(o => o.Status == Core.Orders.ProcessingStatus.Canceled || o.Status == Core.Orders.ProcessingStatus.Invoiced),
        }.DistinctBy(o => o.Number);
        using var client = await SignedInAsync(provider, Personas.Representative);

        var pages = await client.AllPagesAsync("/Orders?size=100", Text["List.NextPage"]);

        Assert.Equal(late, pages.SelectMany(DeliveryPageTests.LateRows).Order(StringComparer.Ordinal));
        foreach (var order in known)
        {
            var page = await client.GetPageAsync("/Orders/" + order.Number);
            DeliveryPageTests.AssertTimeline(Mirror, page, order);
            DeliveryPageTests.AssertLineDeliveries(Mirror, page, order.Number);
        }
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task AnotherAccountsOrderAnswersTheFriendlyNotFound(string provider)
    {
        var fabrikamOrder = Mirror.OrdersOfAccountOf(Personas.OtherCustomer)[0].Number;
        using var client = await SignedInAsync(provider, Personas.Representative);

        await OrderDetailsPageTests.AssertFriendlyNotFoundAsync(client, "/Orders/" + fabrikamOrder);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task AccountShowsTheContactsAccountLegalEntityAndColleagues(string provider)
    {
        var contact = Mirror.ContactByEmail(Personas.Representative);
        var colleagues = Mirror.ContactNamesOfAccountOf(Personas.Representative).Order(StringComparer.Ordinal).ToList();
        using var client = await SignedInAsync(provider, Personas.Representative);

        var page = await client.GetPageAsync("/Account");

        var facts = page.QuerySelectorAll("section[aria-labelledby=account-heading] dl dt")
            .ToDictionary(dt => dt.TextContent.Trim(), dt => HtmlTable.DesktopText(dt.NextElementSibling!), StringComparer.Ordinal);
        Assert.Equal(contact.AccountNumber, facts[Text["Account.Number"]]);
        Assert.Equal(contact.AccountName, facts[Text["Account.Name"]]);
        Assert.Equal($"{contact.CompanyName} ({contact.CompanyCode})", facts[Text["Account.LegalEntity"]]);
        var table = page.QuerySelector("section[aria-labelledby=contacts-heading] table")!;
        Assert.Equal(colleagues, HtmlTable.Rows(table).Select(row => HtmlTable.DesktopText(row[Text["Contact.Name"]])).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task ProductSearchFindsTheItemWithThePriceFromTheContactsPriceList(string provider)
    {
        var prices = Mirror.ActiveProductPrices(Mirror.ContactByEmail(Personas.Representative).PriceListId!);
        var product = prices.Where(p => p.Amount is not null).ElementAt(prices.Count / 3);
        using var client = await SignedInAsync(provider, Personas.Representative);

        var page = await client.GetPageAsync("/Products?search=" + Uri.EscapeDataString(product.ItemNumber));

        var row = Assert.Single(HtmlTable.Rows(page.QuerySelector("table")!), r => HtmlTable.DesktopText(r[Text["Product.ItemNumber"]]) == product.ItemNumber);
        Assert.Equal(product.Currency.Format(product.Amount!.Value, Text.Culture), HtmlTable.DesktopText(row[Text["Product.EstimatedPrice"]]));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task NewOrderOffersTheOrderInformationStep(string provider)
    {
        using var client = await SignedInAsync(provider, Personas.Representative);

        var page = await client.GetPageAsync("/Orders/New");

        Assert.NotNull(page.QuerySelector("form[method=post] #information-next"));
        Assert.Null(page.QuerySelector("#ordering-missing"));
    }

    [Theory]
    [InlineData("Sqlite", "SQLite mirror")]
    [InlineData("Dataverse", "Dataverse https://127.0.0.1:")]
    public async Task ReadinessIsHealthyAndNamesTheDataSource(string provider, string named)
    {
        using var client = sources.For(provider).CreatePortalClient();

        var response = await client.Http.GetAsync("/healthz/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var dataSource = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "data-source");
        Assert.Equal("Healthy", dataSource.GetProperty("status").GetString());
        Assert.Contains(named, dataSource.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    // The strongest form of "the same answer": every customer page renders the same text in both modes.
    [Fact]
    public async Task EveryCustomerPageReadsTheSameInBothModes()
    {
        var newest = Mirror.OrdersOfAccountOf(Personas.Representative).MaxBy(o => o.CreatedOnUtc)!.Number;
        var item = Mirror.ActiveProductPrices(Mirror.ContactByEmail(Personas.Representative).PriceListId!)[5].ItemNumber;
        using var sqlite = await SignedInAsync("Sqlite", Personas.Representative);
        using var dataverse = await SignedInAsync("Dataverse", Personas.Representative);

        foreach (var url in new[] { "/", "/Orders", "/Orders?status=Invoiced&sort=OldestFirst", "/Orders?progress=Late&sort=ReceiptDateAscending", "/Orders?progress=Open&sort=ReceiptDateDescending", $"/Orders/{newest}", "/Account", "/Products", $"/Products?search={item}" })
        {
            Assert.Equal(MainText(await sqlite.GetPageAsync(url)), MainText(await dataverse.GetPageAsync(url)));
        }
    }

    private static string MainText(IDocument page) => Whitespace().Replace(page.QuerySelector("main")!.TextContent, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static List<string> OrderNumbers(IDocument page) =>
        page.QuerySelectorAll<IHtmlAnchorElement>("table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    private async Task<PortalClient> SignedInAsync(string provider, string email)
    {
        var client = sources.For(provider).CreatePortalClient();
        await client.SignInAsync(email, Personas.Password);
        return client;
    }
}

// One portal per data source over the same seeded demo data, for the whole test class.
public sealed class BothDataSources(SeededPortalData data) : IAsyncDisposable
{
    public PortalFactory Sqlite { get; } = new(data);

    public DataversePortalFactory Dataverse { get; } = new(data);

    public PortalFactory For(string provider) => provider switch
    {
        "Sqlite" => Sqlite,
        "Dataverse" => Dataverse,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public async ValueTask DisposeAsync()
    {
        await Dataverse.DisposeAsync();
        await Sqlite.DisposeAsync();
    }
}
