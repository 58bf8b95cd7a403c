using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Core.Orders;

namespace CustomerPortal.Web.Tests.Pages;

// The home page (issue 11): a customer's dashboard of late, due-soon, unconfirmed and recently delivered
// orders and a year of spend, from the mirror and the one delivery rule on the pinned today; an
// administrator's list of tasks. The customer tests need the data branch of issue 11 (Progress filters,
// receipt-date sorts and SpendByMonthAsync in the adapters); the administrator's do not.
public sealed class HomePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly PortalTexts Text = PortalTexts.English;
    private static readonly DateOnly Today = PortalFactory.Today;

    [Theory]
    [InlineData(Personas.Representative)]
    [InlineData(Personas.AuthorizedUser)]
    public async Task DashboardListsTheOrdersEachSectionIsAboutWithTheirCount(string email)
    {
        var orders = email == Personas.Representative ? portal.Mirror.OrdersOfAccountOf(email) : portal.Mirror.OrdersPlacedBy(email);
        using var client = await portal.SignedInClientAsync(email);

        var page = await client.GetPageAsync("/");

        // Late is exact: the first five by receipt date, and the count.
        var late = orders.Where(o => o.IsLateOn(Today)).ToList();
        AssertSection(page, "late", late, late.OrderBy(o => o.RequestedReceiptDate).ThenBy(o => o.Number, StringComparer.Ordinal).Take(5));
        // Waiting for confirmation: the open (Active) orders, the longest waiting first.
        var waiting = orders.Where(o => o.Status == ProcessingStatus.Active).ToList();
        AssertSection(page, "awaitingconfirmation", waiting, waiting.OrderBy(o => o.CreatedOnUtc).ThenBy(o => o.Number, StringComparer.Ordinal).Take(5));
        // The windows' edges are the data sources' to draw: each order shown lies inside, none outside.
        var dueSoon = orders.Where(o => o.IsOpen && o.ExpectedReceiptDate >= Today && o.ExpectedReceiptDate <= Today.AddDays(DeliveryRules.DueSoonDays)).ToList();
        AssertShownWithin(page, "duesoon", dueSoon);
        var delivered = orders.Where(o => DeliveryRules.DeliveredStatuses.Contains(o.Status)
            && o.ExpectedReceiptDate >= Today.AddDays(-DeliveryRules.RecentlyDeliveredDays) && o.ExpectedReceiptDate <= Today).ToList();
        AssertShownWithin(page, "recentlydelivered", delivered);
    }

    [Fact]
    public async Task SeeAllOpensTheOrderListWithTheSectionsFilter()
    {
        var late = portal.Mirror.OrdersOfAccountOf(Personas.Representative).Where(o => o.IsLateOn(Today)).Select(o => o.Number).Order(StringComparer.Ordinal).ToList();
        using var client = await portal.SignedInClientAsync(Personas.Representative);
        var home = await client.GetPageAsync("/");

        var seeAll = home.QuerySelector<IHtmlAnchorElement>("#dashboard-late a.see-all")!;
        var pages = await client.AllPagesAsync(new Uri(seeAll.Href).PathAndQuery, Text["List.NextPage"]);

        Assert.Contains("progress=Late", seeAll.Href, StringComparison.Ordinal);
        Assert.Equal(late, pages.SelectMany(p => p.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent.Trim())).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SpendChartAndItsTableHaveTheMirrorsTotalsPerMonthAndCurrency()
    {
        var from = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-11);
        var months = Enumerable.Range(0, 12).Select(from.AddMonths).ToList();
        var spend = portal.Mirror.OrdersOfAccountOf(Personas.Representative)
            .Where(o => o.Status != ProcessingStatus.Canceled && DateOnly.FromDateTime(o.CreatedOnUtc) >= from)
            .GroupBy(o => o.Currency)
            .ToList();
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        var page = await client.GetPageAsync("/");

        Assert.NotEmpty(spend);
        var charts = page.QuerySelectorAll("#dashboard-spend svg[role=img]").ToList();
        Assert.Equal(spend.Count, charts.Count);
        foreach (var currency in spend)
        {
            var chart = charts.Single(c => c.QuerySelector("title")!.TextContent == Text["Dashboard.SpendChartTitle", currency.Key.IsoCode]);
            var labelledBy = chart.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.All(labelledBy, id => Assert.NotNull(page.GetElementById(id)));
            Assert.Equal(12, chart.QuerySelectorAll("rect.spend-bar").Length);
            var table = page.QuerySelectorAll("#dashboard-spend details table").Single(t => t.QuerySelector("caption")!.TextContent.Trim() == Text["Dashboard.SpendChartTitle", currency.Key.IsoCode]);
            var rows = table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
            Assert.Equal(months.Select(m =>
            {
                var inMonth = currency.Where(o => o.CreatedOnUtc.Year == m.Year && o.CreatedOnUtc.Month == m.Month).ToList();
                return new List<string> { m.ToString("Y", Text.Culture), inMonth.Count.ToString("N0", Text.Culture), currency.Key.Format(inMonth.Sum(o => o.TotalAmount), Text.Culture) };
            }), rows);
        }
    }

    [Fact]
    public async Task DashboardReadsInFrench()
    {
        var french = PortalTexts.French;
        using var client = await portal.SignedInClientAsync(Personas.Representative, "fr-FR");

        var page = await client.GetPageAsync("/");

        Assert.Equal(french["Dashboard.Late"], page.QuerySelector("#dashboard-late-heading span")!.TextContent.Trim());
        Assert.Equal(french["Dashboard.DueSoon", DeliveryRules.DueSoonDays], page.QuerySelector("#dashboard-duesoon-heading span")!.TextContent.Trim());
        Assert.Equal(french["Dashboard.Spend"], page.QuerySelector("#spend-heading")!.TextContent.Trim());
        Assert.StartsWith(french["Dashboard.SpendChartTitle", "USD"], page.QuerySelector("#dashboard-spend svg title")!.TextContent, StringComparison.Ordinal);
        // SVG coordinates stay invariant in a culture that writes decimals with a comma.
        Assert.All(page.QuerySelectorAll("#dashboard-spend rect"), r => Assert.DoesNotContain(",", r.GetAttribute("height"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AdministratorsHomeOffersTheirTasksNotAPromise(bool selfRegistration)
    {
        await using var configured = new ConfiguredPortalFactory(portal.Data, ("Registration:AllowSelfRegistration", selfRegistration ? "true" : "false"));
        using var client = configured.CreatePortalClient();
        await client.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);

        var page = await client.GetPageAsync("/");

        var tasks = page.QuerySelectorAll<IHtmlAnchorElement>("#admin-tasks a").Select(a => (Href: a.GetAttribute("href"), Text: a.TextContent.Trim())).ToList();
        Assert.Equal(
            [("/Admin/Invitations", Text["Invitations.Title"]), ("/Admin/Users", Text["Users.Title"]),
                .. selfRegistration ? new[] { ("/Admin/Registrations", Text["Registrations.Title"]) } : [], ("/Admin/Audit", Text["Audit.Title"])],
            tasks);
        Assert.DoesNotContain("release", page.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Null(page.QuerySelector("#dashboard-spend"));
    }

    private static void AssertSection(IDocument page, string id, List<MirrorOrder> all, IEnumerable<MirrorOrder> shown)
    {
        var section = page.GetElementById("dashboard-" + id)!;
        Assert.Equal(shown.Select(o => o.Number), ShownNumbers(section));
        Assert.Equal(all.Count > 10 ? Text["Dashboard.CountMore", "10"] : all.Count.ToString("N0", Text.Culture), section.QuerySelector(".dashboard-count")!.TextContent.Trim());
        Assert.Equal(all.Count == 0, section.QuerySelector(".dashboard-empty") is not null);
        Assert.Equal(all.Count > 0, section.QuerySelector("a.see-all") is not null);
    }

    private static void AssertShownWithin(IDocument page, string id, List<MirrorOrder> candidates)
    {
        var section = page.GetElementById("dashboard-" + id)!;
        var shown = ShownNumbers(section);
        Assert.Subset(candidates.Select(o => o.Number).ToHashSet(), shown.ToHashSet());
        Assert.True(shown.Count <= 5);
        Assert.Equal(shown.Count == 0, section.QuerySelector(".dashboard-empty") is not null);
    }

    private static List<string> ShownNumbers(IElement section) =>
        section.QuerySelectorAll(".dashboard-orders li > a").Select(a => a.TextContent.Trim()).ToList();
}
