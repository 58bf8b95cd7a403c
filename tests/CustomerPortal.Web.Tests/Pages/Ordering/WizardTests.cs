using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using static CustomerPortal.Web.Tests.Pages.Ordering.OrderingFlow;

namespace CustomerPortal.Web.Tests.Pages.Ordering;

// Issue 13, "the wizard, fixed", without JavaScript: what a buyer notices between two clicks.
public sealed class WizardTests(OrderingPortal portal) : IClassFixture<OrderingPortal>
{
    [Fact]
    public async Task QuickEntryKeepsOnlyTheRefusedLinesSoPostingAgainNeverDoublesALine()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var draftId = await StartDraftAsync(client);
        var items = portal.Mirror.PricedItemNumbersOf(Personas.Representative, quantityDecimals: 0);
        var page = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Items");

        var first = await client.SubmitAsync(Form(page, "#quick-entry-form"), new Dictionary<string, string>
        {
            ["quickEntry"] = $"{items[0]}, 2\n{items[1]}x, 1",
        });

        var afterFirst = await PortalClient.ParseAsync(first);
        var box = afterFirst.QuerySelector<IHtmlTextAreaElement>("#quick-entry")!;
        Assert.Equal($"{items[1]}x, 1", box.Value.Trim());

        // The user fixes the typo in what the box kept and posts again.
        var second = await client.SubmitAsync(Form(afterFirst, "#quick-entry-form"), new Dictionary<string, string> { ["quickEntry"] = $"{items[1]}, 1" });

        var afterSecond = await PortalClient.ParseAsync(second);
        Assert.Equal("", afterSecond.QuerySelector<IHtmlTextAreaElement>("#quick-entry")!.Value.Trim());
        Assert.Equal(["2", "1"], afterSecond.QuerySelectorAll("#draft-lines tbody tr input[name$='Quantity']").Select(i => i.GetAttribute("value")));
        Assert.Equal([items[0], items[1]], afterSecond.QuerySelectorAll("#draft-lines tbody tr").Select(r => r.GetAttribute("data-item")));
    }

    [Fact]
    public async Task TheRequestedReceiptDateStartsAtTheEarliestAllowedDateSoTheFirstNextGoesThrough()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var page = await client.GetPageAsync("/Orders/New");
        var date = page.QuerySelector<IHtmlInputElement>("#Input_RequestedReceiptDate")!;

        Assert.Equal(date.GetAttribute("min"), date.Value);
        var response = await client.SubmitAsync(InformationForm(page));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        DraftIdOf(response);
    }

    [Fact]
    public async Task AnAddComesBackWithTheSameSearchAtTheResults()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var draftId = await StartDraftAsync(client);
        var item = portal.Mirror.PricedItemNumbersOf(Personas.Representative, quantityDecimals: 0)[3];
        var results = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Items?search={item}");

        var response = await client.SubmitAsync(results.QuerySelector<IHtmlFormElement>("form.result-add-form")!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Orders/Drafts/{draftId}/Items?search={item}#search-results", response.Headers.Location!.OriginalString);
        var back = await client.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.NotEmpty(back.QuerySelectorAll("#search-results li"));
        Assert.Equal([item], back.QuerySelectorAll("#draft-lines tbody tr").Select(r => r.GetAttribute("data-item")));
    }

    [Fact]
    public async Task TheOrderingAsCardIsFoldedAfterTheFirstStep()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var first = await client.GetPageAsync("/Orders/New");
        var draftId = await StartDraftAsync(client);

        Assert.True(first.QuerySelector(".ordering-defaults details")!.HasAttribute("open"));
        foreach (var step in new[] { "Items", "Review" })
        {
            var page = await client.GetPageAsync($"/Orders/Drafts/{draftId}/{step}");
            Assert.False(page.QuerySelector(".ordering-defaults details")!.HasAttribute("open"), step);
        }
    }

    [Fact]
    public async Task DiscardingADraftAsksFirstAndTheQuestionAloneChangesNothing()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var draftId = await StartDraftAsync(client, requisition: "PO-CONFIRM");
        var list = await client.GetPageAsync("/Orders/Drafts");
        var ask = list.QuerySelector<IHtmlFormElement>($"tr[data-draft='{draftId}'] form.confirm-ask")!;
        Assert.Equal("get", ask.Method);

        var asked = await PortalClient.ParseAsync(await client.SubmitAsync(ask));

        var confirm = asked.QuerySelector<IHtmlFormElement>($"tr[data-draft='{draftId}'] form.confirm-step")!;
        Assert.Equal("post", confirm.Method);
        Assert.NotNull(confirm.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Contains(draftId.ToString(), await DraftIdsAsync(client));
        var cancel = confirm.QuerySelector<IHtmlAnchorElement>("a")!;
        Assert.Null((await client.ClickAsync(cancel)).QuerySelector("form.confirm-step"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(confirm)).StatusCode);
        Assert.DoesNotContain(draftId.ToString(), await DraftIdsAsync(client));
    }

    [Fact]
    public async Task AnotherUsersDraftIdInTheConfirmationShowsNoQuestion()
    {
        using var rep = await portal.SignedInAsync(Personas.Representative);
        using var buyer = await portal.SignedInAsync(Personas.AuthorizedUser);
        var draftId = await StartDraftAsync(rep);

        var page = await buyer.GetPageAsync($"/Orders/Drafts?confirm=Discard-{draftId:N}");

        Assert.Null(page.QuerySelector("form.confirm-step"));
        Assert.Contains(draftId.ToString(), await DraftIdsAsync(rep));
    }
}
