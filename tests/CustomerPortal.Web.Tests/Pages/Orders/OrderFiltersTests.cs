using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Core.Orders;

namespace CustomerPortal.Web.Tests.Pages.Orders;

// The filter form of /Orders, used as a user uses it: fill in the rendered form, submit, read every page.
public sealed class OrderFiltersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly PortalTexts Text = PortalTexts.English;

    private IReadOnlyList<MirrorOrder> RepresentativeOrders => portal.Mirror.OrdersOfAccountOf(Personas.Representative);

    [Fact]
    public async Task SearchingAnOrderNumberFindsThatOrder()
    {
        var wanted = RepresentativeOrders.OrderBy(o => o.Number, StringComparer.Ordinal).ElementAt(RepresentativeOrders.Count / 2);

        var listed = await FilterAsync(new() { ["search"] = wanted.Number });

        Assert.Equal([wanted.Number], listed);
    }

    [Fact]
    public async Task SearchingARequisitionNumberFindsTheOrdersCarryingIt()
    {
        var wanted = RepresentativeOrders.First(o => o.RequisitionNumber is not null);
        var expected = RepresentativeOrders
            .Where(o => Contains(o.Number, wanted.RequisitionNumber!) || Contains(o.RequisitionNumber, wanted.RequisitionNumber!))
            .Select(o => o.Number).Order(StringComparer.Ordinal);

        var listed = await FilterAsync(new() { ["search"] = wanted.RequisitionNumber! });

        Assert.Contains(wanted.Number, listed);
        Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PartOfANumberFindsEveryOrderContainingItInNumberOrRequisition()
    {
        const string part = "00019";
        var expected = RepresentativeOrders.Where(o => Contains(o.Number, part) || Contains(o.RequisitionNumber, part))
            .Select(o => o.Number).Order(StringComparer.Ordinal).ToList();

        var listed = await FilterAsync(new() { ["search"] = part });

        Assert.True(expected.Count > 1, "The search text should match several orders.");
        Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StatusFilterListsExactlyTheOrdersInThatStatus()
    {
        // The least common status the account has, so the test also covers a short list.
        var status = RepresentativeOrders.GroupBy(o => o.ProcessingStatus).OrderBy(g => g.Count()).First().Key;
        var expected = RepresentativeOrders.Where(o => o.ProcessingStatus == status).Select(o => o.Number).Order(StringComparer.Ordinal);

        var listed = await FilterAsync(new() { ["status"] = ((ProcessingStatus)status).ToString() });

        Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DateRangeListsTheOrdersPlacedOnThoseDaysInclusive()
    {
        // A range that starts and ends on days with orders, so both inclusive ends are tested.
        var days = RepresentativeOrders.Select(o => DateOnly.FromDateTime(o.CreatedOnUtc)).Distinct().Order().ToList();
        var from = days[days.Count / 3];
        var to = days[(days.Count / 3) + 20];
        var expected = RepresentativeOrders.Where(o => DateOnly.FromDateTime(o.CreatedOnUtc) is var day && day >= from && day <= to)
            .Select(o => o.Number).Order(StringComparer.Ordinal);

        var listed = await FilterAsync(new()
        {
            ["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FiltersCombineAndSurviveThePagingLinks()
    {
        var status = RepresentativeOrders.GroupBy(o => o.ProcessingStatus).OrderByDescending(g => g.Count()).First().Key;
        var from = DateOnly.FromDateTime(RepresentativeOrders.Min(o => o.CreatedOnUtc)).AddDays(60);
        var expected = RepresentativeOrders
            .Where(o => o.ProcessingStatus == status && DateOnly.FromDateTime(o.CreatedOnUtc) >= from)
            .OrderBy(o => o.CreatedOnUtc).ThenBy(o => o.Number, StringComparer.Ordinal)
            .Select(o => o.Number)
            .ToList();

        var listed = await FilterAsync(new()
        {
            ["status"] = ((ProcessingStatus)status).ToString(),
            ["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sort"] = nameof(SalesOrderSort.OldestFirst),
            ["size"] = "10",
        });

        Assert.True(expected.Count > 10, "The combination should need several pages of ten.");
        Assert.Equal(expected, listed);
    }

    [Theory]
    [InlineData(SalesOrderSort.NewestFirst)]
    [InlineData(SalesOrderSort.OldestFirst)]
    [InlineData(SalesOrderSort.NumberAscending)]
    [InlineData(SalesOrderSort.NumberDescending)]
    public async Task SortOrderHoldsAcrossEveryPage(SalesOrderSort sort)
    {
        var orders = RepresentativeOrders;
        var expected = (sort switch
        {
            SalesOrderSort.NewestFirst => orders.OrderByDescending(o => o.CreatedOnUtc).ThenByDescending(o => o.Number, StringComparer.Ordinal),
            SalesOrderSort.OldestFirst => orders.OrderBy(o => o.CreatedOnUtc).ThenBy(o => o.Number, StringComparer.Ordinal),
            SalesOrderSort.NumberAscending => orders.OrderBy(o => o.Number, StringComparer.Ordinal),
            _ => orders.OrderByDescending(o => o.Number, StringComparer.Ordinal),
        }).Select(o => o.Number);

        var listed = await FilterAsync(new() { ["sort"] = sort.ToString(), ["size"] = "100" });

        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task EndDateBeforeStartDateIsExplainedNextToTheEndDate()
    {
        using var client = await SignedInAsync();
        var page = await client.GetPageAsync("/Orders");

        var response = await client.SubmitAsync(FilterForm(page), new Dictionary<string, string> { ["from"] = "2026-05-01", ["to"] = "2026-04-30" });

        await AssertFieldErrorAsync(response, "to", Text["Validation.ToBeforeFrom"]);
    }

    [Fact]
    public async Task TooLongSearchIsExplainedNextToTheSearchField()
    {
        // The input's maxlength stops a browser; a pasted or hand-made URL still arrives.
        using var client = await SignedInAsync();
        var search = new string('7', SalesOrderQuery.MaxSearchLength + 1);

        var (response, _) = await client.GetAsync("/Orders?search=" + search);

        await AssertFieldErrorAsync(response, "search", Text["Validation.SearchTooLong", "Search", SalesOrderQuery.MaxSearchLength]);
    }

    [Theory]
    [InlineData("status", "Lost")]
    [InlineData("status", "999")]
    [InlineData("from", "yesterday")]
    [InlineData("to", "2026-02-30")]
    [InlineData("sort", "Cheapest")]
    [InlineData("size", "lots")]
    public async Task GarbageInTheQueryStringIsExplainedNextToItsField(string field, string value)
    {
        using var client = await SignedInAsync();

        var (response, _) = await client.GetAsync($"/Orders?{field}={Uri.EscapeDataString(value)}");

        await AssertFieldErrorAsync(response, field, Text["Validation.ValueInvalid", value]);
    }

    [Theory]
    [InlineData("to", "9999-12-31")]
    [InlineData("from", "9999-12-31")]
    [InlineData("from", "0001-01-01")]
    public async Task ExtremeDatesAnswerNormally(string field, string value)
    {
        // The native date picker offers every day up to 31 December 9999.
        using var client = await SignedInAsync();

        var (response, page) = await client.GetAsync($"/Orders?{field}={value}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll(".input-validation-error"));
        Assert.NotNull(page.QuerySelector("table, .empty-state"));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("'; DROP TABLE salesorder; --")]
    public async Task SearchTextIsTakenLiterally(string search)
    {
        using var client = await SignedInAsync();

        var (response, page) = await client.GetAsync("/Orders?search=" + Uri.EscapeDataString(search));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Text["Orders.EmptyFiltered"], page.QuerySelector(".empty-state h2")?.TextContent.Trim());
    }

    private static bool Contains(string? text, string part) =>
        text is not null && text.Contains(part, StringComparison.OrdinalIgnoreCase);

    private static IHtmlFormElement FilterForm(IDocument page) => page.QuerySelector<IHtmlFormElement>("form[role=search]")!;

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var input = page.GetElementById(field)!;
        Assert.Contains("input-validation-error", input.ClassList);
        Assert.Equal($"{field}-error", input.GetAttribute("aria-describedby"));
        Assert.Equal(message, page.GetElementById($"{field}-error")!.TextContent.Trim());
        Assert.Equal(Text["List.FixFilters"], page.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Single(page.QuerySelectorAll(".input-validation-error"));
    }

    // Signs in as the representative, submits the filter form with the given values and reads every page.
    private async Task<List<string>> FilterAsync(Dictionary<string, string> values)
    {
        using var client = await SignedInAsync();
        var page = await client.GetPageAsync("/Orders");

        var response = await client.SubmitAsync(FilterForm(page), values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = await PortalClient.ParseAsync(response);
        Assert.Empty(first.QuerySelectorAll(".input-validation-error"));
        var pages = await client.AllPagesAsync(response.RequestMessage!.RequestUri!.PathAndQuery, Text["List.NextPage"]);
        return pages.SelectMany(p => p.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent.Trim())).ToList();
    }

    private async Task<PortalClient> SignedInAsync()
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(Personas.Representative, Personas.Password);
        return client;
    }
}
