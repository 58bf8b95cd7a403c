using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using static CustomerPortal.Web.Tests.Pages.Ordering.OrderingFlow;

namespace CustomerPortal.Web.Tests.Dataverse;

// Issue 16: what every customer page costs in Web API requests in Dataverse mode, counted by the emulator,
// cold (the reference-data cache emptied just before: currencies, units, price lists, prices, products) and
// warm (the same page again). Budget is the README's table (Dataverse mode, "Request budget"): change both
// together. The emulator and the data are this class's own: nothing else counts requests meanwhile.
public sealed class DataverseRequestBudgetTests(DataverseRequestBudgetTests.Portal portal) : IClassFixture<DataverseRequestBudgetTests.Portal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Portal(SeededPortalData data) : DataversePortalFactory(data);

    // {order} is one of the representative's invoiced orders, {invoice} one of its invoices, {draft} a draft
    // with one item.
    private static readonly (string Page, int Cold, int Warm)[] Budget =
    [
        ("/", 9, 5),
        ("/Orders", 1, 1),
        ("/Orders?search=99", 1, 1),
        ("/Orders/{order}", 1, 1),
        ("/Orders/{order}/Reorder", 5, 3),
        ("/Orders/New", 1, 1),
        ("/Orders/Drafts", 0, 0),
        ("/Orders/Drafts/{draft}/Items", 4, 1),
        ("/Orders/Drafts/{draft}/Review", 4, 1),
        ("/Orders/Templates", 0, 0),
        ("/Products", 4, 1),
        ("/Products?search=a", 4, 1),
        ("/Invoices", 1, 1),
        ("/Invoices/{invoice}", 3, 1),
        ("/Invoices/{invoice}?handler=Pdf", 3, 1),
        ("/Account", 5, 4),
        ("/Team", 1, 1),
    ];

    [Fact]
    public async Task EveryCustomerPageKeepsItsWebApiRequestBudgetColdAndWarm()
    {
        var invoice = portal.OwnMirror.InvoicesOf(Personas.Representative)[0];
        using var client = await portal.SignedInAsync(Personas.Representative);
        var draftId = await StartDraftAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await AddItemAsync(client, draftId, portal.OwnMirror.PricedItemNumbersOf(Personas.Representative)[0], "1")).StatusCode);

        var measured = new List<(string Page, long Cold, long Warm)>();
        foreach (var (page, _, _) in Budget)
        {
            var url = page.Replace("{order}", invoice.OrderNumber, StringComparison.Ordinal)
                .Replace("{invoice}", invoice.Number, StringComparison.Ordinal)
                .Replace("{draft}", draftId.ToString(), StringComparison.Ordinal);
            await portal.Services.GetRequiredService<HybridCache>().RemoveByTagAsync("*", Ct);
            var cold = await RequestsForAsync(client, url);
            var warm = await RequestsForAsync(client, url);
            measured.Add((page, cold, warm));
        }

        var table = new StringBuilder("| page | Web API requests cold | warm |\n|---|---|---|\n");
        foreach (var (page, cold, warm) in measured)
        {
            table.Append(CultureInfo.InvariantCulture, $"| `{page}` | {cold} | {warm} |\n");
        }

        Assert.True(Budget.Select(b => (b.Page, (long)b.Cold, (long)b.Warm)).SequenceEqual(measured), "Measured (the README's table must agree):\n" + table);
    }

    private async Task<long> RequestsForAsync(PortalClient client, string url)
    {
        await portal.Emulator.ResetRequestCountAsync();
        using var response = await client.Http.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}. {portal.ServerLog.Errors()}");
        return await portal.Emulator.RequestCountAsync();
    }
}
