using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Core.Orders;

namespace CustomerPortal.Web.Tests.Pages.Orders;

// Where is my order (issue 11), on the order list and the order page: late badges, the delivery filters and
// the receipt-date sorts, the timeline, the line quantities and the statuses in words. Every expectation
// comes from the seeded mirror and the one rule (DeliveryRules) on the portal's pinned today.
public sealed class DeliveryPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly PortalTexts Text = PortalTexts.English;
    private static readonly DateOnly Today = PortalFactory.Today;

    private IReadOnlyList<MirrorOrder> RepresentativeOrders => portal.Mirror.OrdersOfAccountOf(Personas.Representative);

    [Fact]
    public async Task LateBadgesAreOnExactlyTheOrdersTheMirrorSaysAreLate()
    {
        var late = RepresentativeOrders.Where(o => o.IsLateOn(Today)).Select(o => o.Number).Order(StringComparer.Ordinal).ToList();
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        var pages = await client.AllPagesAsync("/Orders?size=100", Text["List.NextPage"]);

        Assert.NotEmpty(late);
        Assert.Equal(late, pages.SelectMany(LateRows).Order(StringComparer.Ordinal));
        // The phone layout folds the badge under the number: the same orders there.
        Assert.Equal(late, pages.SelectMany(p => p.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("td:first-child .d-sm-none .late-badge") is not null)
            .Select(r => r.QuerySelector("td:first-child a")!.TextContent.Trim())).Order(StringComparer.Ordinal));
    }

    // Needs the data sources' Progress filter (the data branch of issue 11).
    [Theory]
    [InlineData(OrderProgress.Late)]
    [InlineData(OrderProgress.Open)]
    public async Task DeliveryFilterListsExactlyTheOrdersTheRuleSelects(OrderProgress progress)
    {
        var expected = RepresentativeOrders.Where(o => progress == OrderProgress.Late ? o.IsLateOn(Today) : o.IsOpen)
            .Select(o => o.Number).Order(StringComparer.Ordinal).ToList();
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        var pages = await client.AllPagesAsync($"/Orders?progress={progress}&size=100", Text["List.NextPage"]);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, pages.SelectMany(OrderNumbers).Order(StringComparer.Ordinal));
        if (progress == OrderProgress.Late)
        {
            Assert.Equal(expected, pages.SelectMany(LateRows).Order(StringComparer.Ordinal));
        }
    }

    // Needs the data sources' receipt-date sorts (the data branch of issue 11).
    [Theory]
    [InlineData(SalesOrderSort.ReceiptDateAscending)]
    [InlineData(SalesOrderSort.ReceiptDateDescending)]
    public async Task ReceiptDateSortHoldsAcrossEveryPage(SalesOrderSort sort)
    {
        var byNumber = RepresentativeOrders.ToDictionary(o => o.Number);
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        var listed = (await client.AllPagesAsync($"/Orders?sort={sort}&size=100", Text["List.NextPage"])).SelectMany(OrderNumbers).ToList();

        Assert.Equal(byNumber.Keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        var dates = listed.Select(n => byNumber[n].RequestedReceiptDate ?? DateOnly.MinValue).ToList();
        Assert.Equal(sort == SalesOrderSort.ReceiptDateAscending ? dates.Order() : dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task TheDeliveryFilterAndSortAreOfferedAndKeptByPagingTheExportAndTheWayBackFromAnOrder()
    {
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        var page = await client.GetPageAsync("/Orders?progress=Open&sort=ReceiptDateDescending&size=10");

        var progress = page.QuerySelector<IHtmlSelectElement>("form[role=search] select#progress")!;
        Assert.Equal("Open", progress.Value);
        Assert.Equal([Text["OrderProgress.Any"], Text["OrderProgress.Open"], Text["OrderProgress.Late"], Text["OrderProgress.DueSoon", 14, 14], Text["OrderProgress.RecentlyDelivered", 14, 14]],
            progress.Options.Select(o => o.Text.Trim()));
        var sort = page.QuerySelector<IHtmlSelectElement>("form[role=search] select#sort")!;
        Assert.Contains(sort.Options, o => o.Value == "ReceiptDateAscending" && o.Text.Trim() == Text["SalesOrderSort.ReceiptDateAscending"]);
        Assert.Equal("ReceiptDateDescending", sort.Value);
        var links = new[]
        {
            page.QuerySelector<IHtmlAnchorElement>("#export-csv")!.Href,
            page.QuerySelector<IHtmlAnchorElement>("table tbody tr td:first-child a")!.Href,
        }.Concat(PortalClient.NextPageLink(page, Text["List.NextPage"]) is { } next ? [next.Href] : []);
        Assert.All(links, href => Assert.Contains("progress=Open", Uri.UnescapeDataString(href), StringComparison.Ordinal));
        Assert.All(links, href => Assert.Contains("sort=ReceiptDateDescending", Uri.UnescapeDataString(href), StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachStatusShowsItsTimelineWithTheCurrentStepMarkedAndTheStatusExplained()
    {
        // One order of each status the account has.
        var orders = RepresentativeOrders.GroupBy(o => o.Status).Select(g => g.OrderBy(o => o.Number, StringComparer.Ordinal).First()).ToList();
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        Assert.True(orders.Count >= 4, "The account should have orders in several statuses.");
        foreach (var order in orders)
        {
            AssertTimeline(portal.Mirror, await client.GetPageAsync("/Orders/" + order.Number), order);
        }
    }

    [Fact]
    public async Task LateOrderSaysSoInItsHeaderAndOnTimeOrderDoesNot()
    {
        var late = RepresentativeOrders.First(o => o.IsLateOn(Today));
        var notLate = RepresentativeOrders.First(o => !o.IsLateOn(Today));
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        var latePage = await client.GetPageAsync("/Orders/" + late.Number);
        var onTimePage = await client.GetPageAsync("/Orders/" + notLate.Number);

        Assert.Equal(Text["Order.Late"], latePage.QuerySelector("h1 .late-badge")!.TextContent.Trim());
        Assert.Equal(Text["Order.LateExplained", late.ExpectedReceiptDate!.Value.ToString("d", Text.Culture)], latePage.QuerySelector("#late-explained")!.TextContent.Trim());
        Assert.Null(onTimePage.QuerySelector(".late-badge"));
        Assert.Null(onTimePage.QuerySelector("#late-explained"));
    }

    [Fact]
    public async Task LinesShowOrderedDeliveredRemainingAndCancelledQuantitiesTheirConfirmedDateAndStatusInWords()
    {
        // The order with most delivered, then the one with most cancelled: the mirror decides which.
        var mirror = portal.Mirror;
        var orders = new[]
        {
            RepresentativeOrders.MaxBy(o => mirror.LineDeliveries(o.Number).Sum(l => l.Delivered))!,
            RepresentativeOrders.MaxBy(o => mirror.LineDeliveries(o.Number).Sum(l => l.Cancelled))!,
            RepresentativeOrders.First(o => mirror.Lines(o.Number).Any(l => l.Quantity != decimal.Truncate(l.Quantity))),
        }.DistinctBy(o => o.Number);
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        foreach (var order in orders)
        {
            AssertLineDeliveries(mirror, await client.GetPageAsync("/Orders/" + order.Number), order.Number);
        }
    }

    [Fact]
    public async Task OrderPageReadsInFrench()
    {
        var french = PortalTexts.French;
        var order = RepresentativeOrders.First(o => o.IsLateOn(Today));
        using var client = await portal.SignedInClientAsync(Personas.Representative, "fr-FR");

        var page = await client.GetPageAsync("/Orders/" + order.Number);

        Assert.Equal(french["Timeline.Heading"], page.QuerySelector("#timeline-heading")!.TextContent.Trim());
        Assert.Equal(french["Order.Late"], page.QuerySelector("h1 .late-badge")!.TextContent.Trim());
        Assert.Equal(french[$"OrderStatusHelp.{order.Status}"], page.QuerySelector("#status-explained")!.TextContent.Trim());
        Assert.Equal(french["Timeline.OrderedOn", DateOnly.FromDateTime(order.CreatedOnUtc).ToString("d", french.Culture)],
            page.QuerySelector("#order-timeline li .timeline-date")!.TextContent.Trim());
        var headings = HtmlTable.Headings(page.QuerySelector("section[aria-labelledby=lines-heading] table")!);
        Assert.Contains(french["Line.Delivered"], headings);
        Assert.Contains(french["Line.Remaining"], headings);
        Assert.Equal(french["Line.StatusHelpHeading"], page.QuerySelector("#line-status-heading")!.TextContent.Trim());
        var list = await client.GetPageAsync("/Orders?size=100");
        Assert.Contains(list.QuerySelectorAll(".late-badge"), b => b.TextContent.Trim() == french["Order.Late"]);
        Assert.Equal(french["OrderProgress.Late"], list.QuerySelector<IHtmlSelectElement>("select#progress")!.Options.Single(o => o.Value == "Late").Text.Trim());
    }

    // The milestone each status stands at: the buyer's reading of the processing status.
    private static string CurrentMilestone(ProcessingStatus status) => status switch
    {
        ProcessingStatus.Active => "Received",
        ProcessingStatus.Confirmed => "Confirmed",
        ProcessingStatus.Picked => "Picked",
        ProcessingStatus.PartiallyDelivered or ProcessingStatus.PartiallyInvoiced => "PartiallyDelivered",
        ProcessingStatus.Delivered or ProcessingStatus.DeliveredAndPartiallyInvoiced => "Delivered",
        ProcessingStatus.Invoiced => "Invoiced",
        _ => "Canceled",
    };

    // Shared with the Dataverse-mode page tests: the same timeline and header on either data source.
    internal static void AssertTimeline(MirrorQueries mirror, IDocument page, MirrorOrder order)
    {
        string[] way = order.Status == ProcessingStatus.Canceled
            ? ["Received", "Canceled"]
            : ["Received", "Confirmed", "Picked", "PartiallyDelivered", "Delivered", "Invoiced"];
        var current = Array.IndexOf(way, CurrentMilestone(order.Status));
        var steps = page.QuerySelectorAll("ol#order-timeline > li").ToList();

        Assert.Equal(way.Select(m => Text[$"Milestone.{m}"]), steps.Select(s => s.QuerySelector(".timeline-name")!.TextContent.Trim()));
        Assert.Equal(Text[$"Milestone.{way[current]}"], Assert.Single(steps, s => s.GetAttribute("aria-current") == "step").QuerySelector(".timeline-name")!.TextContent.Trim());
        Assert.Equal(way.Select((_, i) => Text[i < current ? "MilestoneState.Done" : i == current ? "MilestoneState.Current" : "MilestoneState.Pending"]),
            steps.Select(s => s.QuerySelector(".timeline-state")!.TextContent.Trim()));
        Assert.Equal(Text["Timeline.OrderedOn", DateOnly.FromDateTime(order.CreatedOnUtc).ToString("d", Text.Culture)], steps[0].QuerySelector(".timeline-date")!.TextContent.Trim());

        var delivery = mirror.OrderDelivery(order.Number);
        if (order.Status != ProcessingStatus.Canceled)
        {
            var confirmed = steps[1].QuerySelectorAll(".timeline-date").Select(d => d.TextContent.Trim()).ToList();
            Assert.Equal(new[] { (Key: "Timeline.Ships", Date: delivery.ConfirmedShippingDate), (Key: "Timeline.Arrives", Date: delivery.ConfirmedReceiptDate) }
                .Where(d => d.Date is not null).Select(d => Text[d.Key, d.Date!.Value.ToString("d", Text.Culture)]), confirmed);
        }

        Assert.Equal(Text[$"OrderStatusHelp.{order.Status}"], page.QuerySelector("#status-explained")!.TextContent.Trim());
        Assert.Equal(order.IsLateOn(PortalFactory.Today), page.QuerySelector("h1 .late-badge") is not null);
        var facts = page.QuerySelectorAll("section[aria-labelledby=dates-heading] dl dt")
            .ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim(), StringComparer.Ordinal);
        Assert.Equal(delivery.RequestedShippingDate?.ToString("d", Text.Culture) ?? "—", facts[Text["Order.RequestedShip"]]);
        Assert.Equal(delivery.ConfirmedReceiptDate?.ToString("d", Text.Culture) ?? "—", facts[Text["Order.ConfirmedReceipt"]]);
        Assert.True(facts.ContainsKey(Text["Order.DeliveryMode"]));
    }

    internal static void AssertLineDeliveries(MirrorQueries mirror, IDocument page, string orderNumber)
    {
        var expected = mirror.LineDeliveries(orderNumber);
        var rows = HtmlTable.Rows(page.QuerySelector("section[aria-labelledby=lines-heading] table")!);

        Assert.Equal(expected.Count, rows.Count);
        foreach (var (line, row) in expected.Zip(rows))
        {
            string Quantity(decimal q) => q.ToString("N" + line.QuantityDecimals, Text.Culture);
            Assert.Equal(line.Sequence.ToString(CultureInfo.InvariantCulture), HtmlTable.DesktopText(row[Text["Line.Number"]]));
            Assert.Equal(Quantity(line.Quantity), HtmlTable.DesktopText(row[Text["Line.Quantity"]]));
            Assert.Equal(Quantity(line.Delivered), HtmlTable.DesktopText(row[Text["Line.Delivered"]]));
            Assert.Equal(Quantity(line.Remaining), HtmlTable.DesktopText(row[Text["Line.Remaining"]]));
            Assert.Equal(Quantity(line.Cancelled), HtmlTable.DesktopText(row[Text["Line.Cancelled"]]));
            Assert.Equal(line.ConfirmedReceiptDate?.ToString("d", Text.Culture) ?? "—", HtmlTable.DesktopText(row[Text["Line.ConfirmedReceipt"]]));
            Assert.Equal(Text[$"OrderLineStatus.{(OrderLineStatus)line.LineStatus}"], HtmlTable.DesktopText(row[Text["Line.Status"]]));
            // A phone reads the same delivery in words under the product.
            Assert.Contains(Text["Line.DeliveredRemaining", Quantity(line.Delivered), Quantity(line.Remaining)], row[Text["Line.Product"]].TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(expected.Select(l => (OrderLineStatus)l.LineStatus).Distinct().Order().Select(s => Text[$"LineStatusHelp.{s}"]),
            page.QuerySelectorAll("#line-status-help li").Select(li => li.TextContent.Trim()));
    }

    private static List<string> OrderNumbers(IDocument page) =>
        page.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    // The orders a desktop reader sees badged late (the status column).
    internal static IEnumerable<string> LateRows(IDocument page) => HtmlTable.Rows(page.QuerySelector("table")!)
        .Where(row => row[Text["Order.Status"]].QuerySelector(".late-badge") is { } badge && badge.TextContent.Trim() == Text["Order.Late"])
        .Select(row => HtmlTable.DesktopText(row[Text["Order.Number"]]));
}
