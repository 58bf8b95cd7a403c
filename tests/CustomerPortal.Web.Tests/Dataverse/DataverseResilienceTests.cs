using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Web.Tests.Pages.Orders;
using static CustomerPortal.Web.Tests.Pages.Ordering.OrderingFlow;

namespace CustomerPortal.Web.Tests.Dataverse;

// Dataverse mode end to end through the emulator: submitting an order, what each page costs in Web API
// requests, and what users see while Dataverse throttles or is down. The emulator and the data are this
// class's own (faults are per emulator; submits write). Retries are bounded tighter than the defaults so
// an outage is declared within ~1.5 s instead of 30 s; the WhoAmI answer is cached briefly.
public sealed class DataverseResilienceTests(DataverseResilienceTests.Portal portal) : IClassFixture<DataverseResilienceTests.Portal>
{
    private static readonly PortalTexts Text = PortalTexts.English;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Portal(SeededPortalData data) : DataversePortalFactory(data,
        ("DataSource:Dataverse:MaxRetryDuration", "00:00:01.5"),
        ("DataSource:Dataverse:HealthCacheDuration", "00:00:00.100"));

    [Fact]
    public async Task ARepresentativeSubmitsAnOrderThatIsReadBackOnTheOrdersPage()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var (first, second) = PricedItems();

        var draftId = await StartDraftAsync(client, requisition: "PO-DV-1");
        Assert.Equal(HttpStatusCode.Redirect, (await AddItemAsync(client, draftId, first, "3")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddItemAsync(client, draftId, second, "2")).StatusCode);
        var response = await SubmitAsync(client, draftId);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Submit answered {(int)response.StatusCode}. {portal.ServerLog.Errors()}");
        var number = response.Headers.Location!.OriginalString.Split('/')[2];
        var details = await client.GetPageAsync($"/Orders/{number}");
        Assert.NotNull(details.QuerySelector("#order-submitted"));
        Assert.Equal(2, details.QuerySelectorAll("section[aria-labelledby=lines-heading] table tbody tr").Length);
        var list = await client.GetPageAsync("/Orders");
        Assert.Equal(number, OrderNumbers(list)[0]);
        Assert.Equal("PO-DV-1", portal.OwnMirror.OrderById(draftId)?.RequisitionNumber);
    }

    // The pages' budgets are DataverseRequestBudgetTests'; a submit reads the contact and makes the deep insert.
    [Fact]
    public async Task ASubmitCostsAtMostTwoWebApiRequests()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var (item, _) = PricedItems();
        var warmUp = await StartDraftAsync(client);
        await AddItemAsync(client, warmUp, item, "1");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, warmUp)).StatusCode); // reads the order-number sequence once
        var draftId = await StartDraftAsync(client);
        await AddItemAsync(client, draftId, item, "1");
        var review = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Review");
        HttpResponseMessage? submitted = null;
        var submit = await RequestsForAsync(async () => submitted = await client.SubmitAsync(Form(review, "#submit-form")));

        Assert.Equal(HttpStatusCode.Redirect, submitted!.StatusCode);
        Assert.True(submit <= 2, $"The submit cost {submit} Web API requests.");
    }

    // Issue 12's request budget, warm: the invoice list, an invoice and its PDF one request each; the account
    // page reads the account, the invoiced totals, the latest invoices and the contacts.
    [Fact]
    public async Task InvoicesCostOneWebApiRequestEachWarmAndTheAccountPageFour()
    {
        var invoice = portal.OwnMirror.InvoicesOf(Personas.Representative)[0];
        using var client = await portal.SignedInAsync(Personas.Representative);
        await client.GetPageAsync("/Invoices");
        await client.GetPageAsync("/Invoices/" + invoice.Number);
        await client.GetPageAsync("/Account");

        var list = await RequestsForAsync(() => client.GetPageAsync("/Invoices?sort=OldestFirst"));
        var details = await RequestsForAsync(() => client.GetPageAsync("/Invoices/" + invoice.Number));
        var text = "";
        var pdf = await RequestsForAsync(async () =>
        {
            using var response = await client.Http.GetAsync($"/Invoices/{invoice.Number}?handler=Pdf", Ct);
            text = await Pages.Invoices.PdfText.OfResponseAsync(response, Ct);
        });
        var account = await RequestsForAsync(() => client.GetPageAsync("/Account"));

        Assert.Contains(invoice.Number, text, StringComparison.Ordinal);
        Assert.Contains(invoice.Currency.Format(invoice.Total, PortalTexts.English.Culture), text, StringComparison.Ordinal);
        Assert.Equal((1L, 1L, 1L), (list, details, pdf));
        Assert.Equal(4L, account);
    }

    [Fact]
    public async Task EveryPageStillAnswersWithTheRightContentWhileEveryThirdRequestIsThrottled()
    {
        var expected = portal.OwnMirror.OrdersOfAccountOf(Personas.Representative)
            .OrderByDescending(o => o.CreatedOnUtc).ThenByDescending(o => o.Number, StringComparer.Ordinal)
            .Select(o => o.Number).Take(Core.PageSize.Default).ToList();
        var order = OrderDetailsPageTests.PickOrders(portal.OwnMirror)[0];
        var contact = portal.OwnMirror.ContactByEmail(Personas.Representative);
        var (item, _) = PricedItems();
        using var client = await portal.SignedInAsync(Personas.Representative);
        await portal.Emulator.SetFaultsAsync(new { throttleEveryN = 3, retryAfterSeconds = 1 });
        await portal.Emulator.ResetRequestCountAsync();
        try
        {
            var list = await client.GetPageAsync("/Orders");
            var details = await client.GetPageAsync("/Orders/" + order.Number);
            var account = await client.GetPageAsync("/Account");
            var products = await client.GetPageAsync("/Products?search=" + Uri.EscapeDataString(item));
            var newOrder = await client.GetPageAsync("/Orders/New");
            var drafts = await client.GetPageAsync("/Orders/Drafts");

            Assert.Equal(expected, OrderNumbers(list));
            OrderDetailsPageTests.AssertLines(portal.OwnMirror, details, order);
            OrderDetailsPageTests.AssertTotals(portal.OwnMirror, details, order);
            Assert.Contains(contact.AccountName, account.QuerySelector("main h1")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(item, products.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(newOrder.QuerySelector("#information-next"));
            Assert.All(new[] { list, details, account, products, newOrder, drafts }, NoErrorShown);
            Assert.True(await portal.Emulator.RequestCountAsync() >= 3, "The pages should have met at least one 429.");
        }
        finally
        {
            await portal.Emulator.SetFaultsAsync(new { });
        }
    }

    [Fact]
    public async Task DuringAnOutagePagesSayTemporarilyUnavailableTheDraftIsKeptAndReadinessFailsThenAllRecovers()
    {
        var number = portal.OwnMirror.OrdersOfAccountOf(Personas.Representative)[0].Number;
        var (item, _) = PricedItems();
        using var client = await portal.SignedInAsync(Personas.Representative);
        var draftId = await StartDraftAsync(client, requisition: "PO-OUTAGE");
        await AddItemAsync(client, draftId, item, "2");
        var review = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Review");

        await portal.Emulator.SetFaultsAsync(new { unavailableEveryM = 1 });
        try
        {
            foreach (var url in new[] { "/Orders", $"/Orders/{number}", "/Account", "/Products?search=" + item })
            {
                var (response, page) = await client.GetAsync(url);

                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url} answered {(int)response.StatusCode} during the outage.");
                AssertUnavailablePage(page);
            }

            var submit = await client.SubmitAsync(Form(review, "#submit-form"));
            var submitPage = await PortalClient.ParseAsync(submit);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, submit.StatusCode);
            AssertUnavailablePage(submitPage);
            Assert.Contains("including any order you were preparing", submitPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Null(SubmittedOrderNumberOfDraft(draftId));
            Assert.Null(portal.OwnMirror.OrderById(draftId));

            await Task.Delay(150, Ct); // past the cached WhoAmI answer
            var (healthStatus, dataSource) = await ReadinessAsync(client);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, healthStatus);
            Assert.Equal("Unhealthy", dataSource);
        }
        finally
        {
            await portal.Emulator.SetFaultsAsync(new { });
        }

        await Task.Delay(150, Ct);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await ReadinessAsync(client));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Orders/{number}")).Response.StatusCode);
        var retried = await SubmitAsync(client, draftId);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.NotNull(SubmittedOrderNumberOfDraft(draftId));
    }

    private async Task<long> RequestsForAsync(Func<Task> page)
    {
        await portal.Emulator.ResetRequestCountAsync();
        await page();
        return await portal.Emulator.RequestCountAsync();
    }

    private string? SubmittedOrderNumberOfDraft(Guid draftId)
    {
        var store = PortalStoreQueries.Open(portal.PortalStorePath);
        var id = draftId.ToString().ToUpperInvariant();
        Assert.Equal(1, store.Count("SELECT count(*) FROM OrderDrafts WHERE SalesOrderId = $p0", id));
        // The draft as the user left it.
        Assert.Equal(["2"], store.Strings("SELECT CAST(Quantity AS REAL) FROM OrderDraftLine WHERE SalesOrderId = $p0", id));
        return store.Scalar("SELECT SubmittedOrderNumber FROM OrderDrafts WHERE SalesOrderId = $p0", id);
    }

    private static async Task<(HttpStatusCode Status, string? DataSource)> ReadinessAsync(PortalClient client)
    {
        var response = await client.Http.GetAsync("/healthz/ready", Ct);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var check = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "data-source");
        return (response.StatusCode, check.GetProperty("status").GetString());
    }

    private static void AssertUnavailablePage(IDocument page)
    {
        Assert.Equal(Text["Status.Unavailable.Heading"], page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal(Text["Status.Unavailable.Text"], page.QuerySelector("main h1 + p")!.TextContent.Trim());
        var body = page.Body!.TextContent;
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at CustomerPortal.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Dataverse answered", body, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("table"));
    }

    private static void NoErrorShown(IDocument page)
    {
        var text = page.Body!.TextContent;
        Assert.DoesNotContain(Text["Error.Heading"], text, StringComparison.Ordinal);
        Assert.DoesNotContain(Text["Status.Unavailable.Heading"], text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    private (string First, string Second) PricedItems()
    {
        var items = portal.OwnMirror.PricedItemNumbersOf(Personas.Representative);
        return (items[0], items[1]);
    }

    private static List<string> OrderNumbers(IDocument page) =>
        page.QuerySelectorAll<IHtmlAnchorElement>("table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
}
