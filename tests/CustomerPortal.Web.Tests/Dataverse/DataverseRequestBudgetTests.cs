using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using static CustomerPortal.Web.Tests.Pages.Ordering.OrderingFlow;

namespace CustomerPortal.Web.Tests.Dataverse;

// Issue 16: what every customer page costs in Web API requests in Dataverse mode, counted by the emulator,
// cold (the reference-data cache emptied just before: currencies, units, price lists, prices, products) and
// warm (the same page again). The budget is the README's table (Dataverse mode, "Request budget"), read from
// there, so the documentation cannot drift from what is measured. The emulator and the data are this class's
// own: nothing else counts requests meanwhile.
public sealed partial class DataverseRequestBudgetTests(DataverseRequestBudgetTests.Portal portal) : IClassFixture<DataverseRequestBudgetTests.Portal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Portal(SeededPortalData data) : DataversePortalFactory(data);

    // The table's rows: | `page` | cold | warm |. In a page, {number} of an order is one of the representative's
    // invoiced orders, of an invoice one of its invoices; {id} is a draft with one item.
    private static List<(string Page, long Cold, long Warm)> Budget()
    {
        var readme = File.ReadAllText(Path.Combine(SeededPortalData.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("**Request budget**", StringComparison.Ordinal)..];
        return [.. BudgetRow().Matches(section[..section.IndexOf("\n\n", section.IndexOf("|---", StringComparison.Ordinal), StringComparison.Ordinal)])
            .Select(m => (m.Groups[1].Value, long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)))];
    }

    [Fact]
    public async Task EveryCustomerPageKeepsTheReadmesWebApiRequestBudgetColdAndWarm()
    {
        var budget = Budget();
        var invoice = portal.OwnMirror.InvoicesOf(Personas.Representative)[0];
        using var client = await portal.SignedInAsync(Personas.Representative);
        var draftId = await StartDraftAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await AddItemAsync(client, draftId, portal.OwnMirror.PricedItemNumbersOf(Personas.Representative)[0], "1")).StatusCode);

        var measured = new List<(string Page, long Cold, long Warm)>();
        foreach (var (page, _, _) in budget)
        {
            var url = page.Replace("/Orders/{number}", "/Orders/" + invoice.OrderNumber, StringComparison.Ordinal)
                .Replace("/Invoices/{number}", "/Invoices/" + invoice.Number, StringComparison.Ordinal)
                .Replace("{id}", draftId.ToString(), StringComparison.Ordinal);
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

        Assert.True(budget.Count >= 15, $"The README's budget table lists {budget.Count} pages.");
        Assert.True(budget.SequenceEqual(measured), "Measured (the README's table must say this):\n" + table);
    }

    private async Task<long> RequestsForAsync(PortalClient client, string url)
    {
        await portal.Emulator.ResetRequestCountAsync();
        using var response = await client.Http.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}. {portal.ServerLog.Errors()}");
        return await portal.Emulator.RequestCountAsync();
    }

    [GeneratedRegex(@"^\| `([^`]+)` \| (\d+) \| (\d+) \|$", RegexOptions.Multiline)]
    private static partial Regex BudgetRow();
}
