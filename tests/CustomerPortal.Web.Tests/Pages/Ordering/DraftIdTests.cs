using System.Net;
using AngleSharp.Html.Dom;
using CustomerPortal.DualWrite;
using CustomerPortal.PortalStore;
using CustomerPortal.Testing;
using static CustomerPortal.Web.Tests.Pages.Ordering.OrderingFlow;

namespace CustomerPortal.Web.Tests.Pages.Ordering;

// The id of a new draft, the salesorderid its order will have, is the server's choice (issue 10): the
// order information form carries it only as a protected token, so a double click saves one draft, and
// no id a browser makes up, another customer's order's included, becomes a draft or tells it exists.
public sealed class DraftIdTests(SeededPortalData data)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task TwentySimultaneousNextPostsOfOneFormAllLeadToTheOneDraftTheySaved(PortalStoreProvider portalStore)
    {
        using var portal = new PrivatePortalFactory(data, portalStore);
        using var buyer = portal.CreatePortalClient();
        await buyer.SignInAsync(Personas.AuthorizedUser, Personas.Password);
        var before = await DraftIdsAsync(buyer);
        var form = InformationForm(await buyer.GetPageAsync("/Orders/New"));
        ((IHtmlInputElement)form.Elements["Input.RequestedReceiptDate"]!).Value = RequestedDate();
        ((IHtmlInputElement)form.Elements["Input.RequisitionNumber"]!).Value = "PO-CLICKS";

        var responses = await PostSimultaneouslyAsync(buyer, form, 20);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var location = Assert.Single(responses.Select(r => r.Location).Distinct());
        var saved = Assert.Single((await DraftIdsAsync(buyer)).Except(before));
        Assert.Equal($"/Orders/Drafts/{saved}/Items", location);
        Assert.Contains("PO-CLICKS", (await buyer.GetPageAsync("/Orders/Drafts")).QuerySelector($"tr[data-draft='{saved}']")!.TextContent, StringComparison.Ordinal);
    }

    // Whatever the form's token says, the post answers as a fresh form does: a new draft under an id the
    // server chose, which submits as a new order. Nothing tells whether a posted id exists anywhere.
    [Fact]
    public async Task AFormWithAnotherCustomersOrderIdAMadeUpIdAColleaguesOrATamperedTokenStartsAFreshDraft()
    {
        using var portal = new PrivatePortalFactory(data);
        using var rep = await SignedInAsync(portal, Personas.Representative);
        using var colleague = await SignedInAsync(portal, Personas.AuthorizedUser);
        var theirOrder = ForeignOrder(portal);
        var colleaguesPage = await colleague.GetPageAsync("/Orders/New");
        var colleaguesToken = TokenOf(colleaguesPage);
        var colleaguesDraft = DraftIdOf(await colleague.SubmitAsync(InformationForm(colleaguesPage), Information("PO-COLLEAGUE")));
        var ownToken = TokenOf(await rep.GetPageAsync("/Orders/New"));
        var middle = ownToken.Length / 2;
        var item = portal.Mirror.PricedItemNumbersOf(Personas.Representative)[0];
        var written = MirrorQueries.Open(portal.MirrorPath);

        var tokens = new Dictionary<string, string>
        {
            ["another customer's order id"] = theirOrder.SalesOrderId.ToString(),
            ["a made-up id"] = Guid.NewGuid().ToString(),
            ["a colleague's token"] = colleaguesToken,
            ["a tampered token"] = ownToken[..middle] + (ownToken[middle] == 'A' ? 'B' : 'A') + ownToken[(middle + 1)..],
            ["no token"] = "",
        };
        var started = new List<Guid>();
        foreach (var (what, token) in tokens)
        {
            var page = await rep.GetPageAsync("/Orders/New");
            var response = await rep.SubmitAsync(InformationForm(page), new Dictionary<string, string>(Information("PO-PROBE")) { ["Input.DraftToken"] = token });
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: {(int)response.StatusCode}");
            var draftId = DraftIdOf(response);
            started.Add(draftId);
            Assert.Equal(HttpStatusCode.Redirect, (await AddItemAsync(rep, draftId, item, "1")).StatusCode);
            var submitted = await SubmitAsync(rep, draftId);
            Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, $"{what}: the submit answered {(int)submitted.StatusCode}.");
            Assert.Equal(draftId, written.OrderWithLines(submitted.Headers.Location!.OriginalString.Split('/')[2])?.SalesOrderId);
        }

        Assert.Equal(tokens.Count, started.Distinct().Count());
        Assert.DoesNotContain(theirOrder.SalesOrderId, started);
        Assert.DoesNotContain(colleaguesDraft, started);
        Assert.Equal(theirOrder.OrderNumber, written.OrderById(theirOrder.SalesOrderId)?.OrderNumber);
        Assert.Contains("PO-COLLEAGUE", (await colleague.GetPageAsync("/Orders/Drafts")).QuerySelector($"tr[data-draft='{colleaguesDraft}']")!.TextContent, StringComparison.Ordinal);
    }

    // The steps that take a draft id in the route: another customer's order id and a colleague's draft
    // id answer exactly as an id nobody has, with a 404, and change nothing.
    [Fact]
    public async Task EveryDraftStepAnswersAnotherCustomersOrderIdAndAColleaguesDraftIdAsAnUnknownId()
    {
        using var portal = new PrivatePortalFactory(data);
        using var rep = await SignedInAsync(portal, Personas.Representative);
        using var colleague = await SignedInAsync(portal, Personas.AuthorizedUser);
        var colleaguesDraft = await StartDraftAsync(colleague, requisition: "PO-COLLEAGUE");
        var antiforgery = InformationForm(await rep.GetPageAsync("/Orders/New")).Elements["__RequestVerificationToken"]!.GetAttribute("value")!;
        var steps = new[]
        {
            (HttpMethod.Get, "/Orders/New/{0}"), (HttpMethod.Post, "/Orders/New/{0}"),
            (HttpMethod.Get, "/Orders/Drafts/{0}/Items"), (HttpMethod.Post, "/Orders/Drafts/{0}/Items?handler=Add"),
            (HttpMethod.Post, "/Orders/Drafts/{0}/Items?handler=QuickEntry"),
            (HttpMethod.Get, "/Orders/Drafts/{0}/Review"), (HttpMethod.Post, "/Orders/Drafts/{0}/Review"),
            (HttpMethod.Post, "/Orders/Drafts?handler=Discard&id={0}"),
        };

        async Task<List<string>> AnswersForAsync(Guid id)
        {
            var answers = new List<string>();
            foreach (var (method, route) in steps)
            {
                using var request = new HttpRequestMessage(method, string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id));
                if (method == HttpMethod.Post)
                {
                    request.Content = new FormUrlEncodedContent(new Dictionary<string, string>(Information("PO-PROBE"))
                    {
                        ["__RequestVerificationToken"] = antiforgery,
                        ["add.ItemNumber"] = portal.Mirror.PricedItemNumbersOf(Personas.Representative)[0],
                        ["add.Quantity"] = "1",
                        ["quickEntry"] = "A, 1",
                    });
                }

                using var response = await rep.Http.SendAsync(request, Ct);
                var page = await PortalClient.ParseAsync(response);
                answers.Add($"{method} {route}: {(int)response.StatusCode} {page.QuerySelector("main")?.TextContent.Trim()}");
            }

            return answers;
        }

        var unknown = await AnswersForAsync(Guid.NewGuid());

        Assert.All(unknown, a => Assert.Contains(": 404 ", a, StringComparison.Ordinal));
        Assert.Equal(unknown, await AnswersForAsync(ForeignOrder(portal).SalesOrderId));
        Assert.Equal(unknown, await AnswersForAsync(colleaguesDraft));
        Assert.Contains("PO-COLLEAGUE", (await colleague.GetPageAsync("/Orders/Drafts")).QuerySelector($"tr[data-draft='{colleaguesDraft}']")!.TextContent, StringComparison.Ordinal);
        Assert.Empty((await colleague.GetPageAsync($"/Orders/Drafts/{colleaguesDraft}/Items")).QuerySelectorAll("#draft-lines tbody tr"));
    }

    private static async Task<PortalClient> SignedInAsync(PortalFactory portal, string email)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email, Personas.Password);
        return client;
    }

    private static SalesOrderRow ForeignOrder(PortalFactory portal) => portal.Mirror.Read(db => db.Set<SalesOrderRow>()
        .Where(o => o.ContactPerson!.Email == Personas.OtherCustomer).OrderBy(o => o.OrderNumber).First());

    private static string TokenOf(AngleSharp.Dom.IDocument page) => InformationForm(page).Elements["Input.DraftToken"]!.GetAttribute("value")!;

    private static Dictionary<string, string> Information(string requisition) => new()
    {
        ["Input.RequestedReceiptDate"] = RequestedDate(),
        ["Input.RequisitionNumber"] = requisition,
        ["Input.Line1"] = "1 Probe Street",
        ["Input.City"] = "Seattle",
    };
}
