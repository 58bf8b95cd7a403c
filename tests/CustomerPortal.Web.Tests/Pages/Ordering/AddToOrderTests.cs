using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Core;
using static CustomerPortal.Web.Tests.Pages.Ordering.OrderingFlow;

namespace CustomerPortal.Web.Tests.Pages.Ordering;

// Issue 13: "Add to order" on the catalogue and on order pages adds to the user's current draft, started when
// there is none; the header shows its lines and estimated total. On both data sources, each test as a user of
// its own (linked to a demo contact), so every test starts without a draft.
public sealed class AddToOrderTests(AddToOrderTests.Portals portals) : IClassFixture<AddToOrderTests.Portals>
{
    private static readonly PortalTexts Text = PortalTexts.English;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MirrorQueries Mirror => portals.Sqlite.Mirror;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task AddingFromTheCatalogueStartsADraftComesBackToTheRowAndAddingAgainIncreasesTheLine(string provider)
    {
        using var client = await NewBuyerAsync(provider);
        var item = Mirror.PricedItemNumbersOf(Personas.Representative, quantityDecimals: 0)[0];
        var products = await client.GetPageAsync($"/Products?search={item}");
        Assert.Equal(Text["Cart.None"], HeaderText(products));

        var response = await client.SubmitAsync(AddForm(products, item), new Dictionary<string, string> { ["quantity"] = "3" });

        // Back to the same search, at the row, with the result and a link to the draft.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/Products?search={item}#product-", location, StringComparison.Ordinal);
        var back = await client.GetPageAsync(location);
        Assert.NotNull(back.GetElementById(location.Split('#')[1]));
        Assert.Equal(Text["Cart.Added", "3", item], Status(back).QuerySelector(".add-to-order-message")!.TextContent.Trim());
        var draftId = Assert.Single(await DraftIdsAsync(client));
        Assert.Equal($"/Orders/Drafts/{draftId}/Items", Status(back).QuerySelector("a")!.GetAttribute("href"));

        var again = await client.SubmitAsync(AddForm(await client.GetPageAsync($"/Products?search={item}"), item), new Dictionary<string, string> { ["quantity"] = "2" });

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(new[] { draftId }, await DraftIdsAsync(client));
        var items = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Items");
        var line = Assert.Single(items.QuerySelectorAll("#draft-lines tbody tr"));
        Assert.Equal("5", line.QuerySelector<IHtmlInputElement>("input.quantity-input")!.Value);
        // The header counts the draft's lines and shows the total the items step shows, and leads to it.
        Assert.Equal(Text["Cart.Summary", Text["Order.LineCountOne", "1"], items.QuerySelector("#running-total")!.TextContent.Trim()], HeaderText(items));
        Assert.Equal($"/Orders/Drafts/{draftId}/Items", items.QuerySelector("#current-draft")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task AScriptsAddAnswersJsonWithTheMessageAndTheNewHeaderAndAnOrderLineIsBoughtAgain(string provider)
    {
        using var client = await NewBuyerAsync(provider);
        var priced = Mirror.PricedItemNumbersOf(Personas.Representative).ToHashSet(StringComparer.Ordinal);
        // A delivered or invoiced order: "buy again" works on closed orders too.
        var order = Mirror.OrdersOfAccountOf(Personas.Representative)
            .Where(o => o.Status is Core.Orders.ProcessingStatus.Delivered or Core.Orders.ProcessingStatus.Invoiced)
            .First(o => Mirror.Lines(o.Number).Any(l => l.ItemNumber is { } number && priced.Contains(number)));
        var item = Mirror.Lines(order.Number).First(l => l.ItemNumber is { } number && priced.Contains(number)).ItemNumber!;
        var page = await client.GetPageAsync("/Orders/" + order.Number);

        var (status, answer) = await PostAsJsonClientAsync(client, AddForm(page, item), "2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(answer.GetProperty("added").GetBoolean());
        Assert.Equal(Text["Cart.Added", "2", item], answer.GetProperty("message").GetString());
        var draftId = Assert.Single(await DraftIdsAsync(client));
        Assert.Equal($"/Orders/Drafts/{draftId}/Items", answer.GetProperty("draftUrl").GetString());
        Assert.Equal($"/Orders/Drafts/{draftId}/Items", answer.GetProperty("summary").GetProperty("url").GetString());
        var items = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Items");
        Assert.Equal(HeaderText(items), answer.GetProperty("summary").GetProperty("text").GetString());
        Assert.StartsWith(Text["Order.LineCountOne", "1"], HeaderText(items), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task RefusalsSayWhyAndChangeNothing(string provider)
    {
        using var client = await NewBuyerAsync(provider);
        var whole = Mirror.PricedItemNumbersOf(Personas.Representative, quantityDecimals: 0)[0];
        var retired = Mirror.ItemNumbersInState((int)Core.Products.ProductState.Retired)[0];
        // Another customer's product: on Fabrikam's price list, not on this contact's.
        var foreign = Mirror.PricedItemNumbersOf(Personas.OtherCustomer).Intersect(Mirror.UnlistedItemNumbersOf(Personas.Representative)).First();
        var form = AddForm(await client.GetPageAsync($"/Products?search={whole}"), whole);
        var cases = new (string Item, string Quantity, string Expected)[]
        {
            ("NOPE-0000", "1", "No product has the item number NOPE-0000."),
            (retired, "1", "This product is retired and can no longer be ordered."),
            (foreign, "1", "This product is not on your price list."),
            (whole, "1.5", "decimal place"),
            (whole, "0", "The quantity must be more than zero."),
            (whole, "-2", "The quantity must be more than zero."),
            (whole, "1000000", "cannot exceed"),
            (whole, "79228162514264337593543950335", "cannot exceed"),
            (whole, "lots", Text["Validation.MustBeNumber"]),
            (whole, "1e400", Text["Validation.MustBeNumber"]),
            (whole, "", Text["Validation.MustBeNumber"]),
        };

        foreach (var (item, quantity, expected) in cases)
        {
            var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["itemNumber"] = item, ["quantity"] = quantity });

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var back = await client.GetPageAsync(response.Headers.Location!.OriginalString);
            var alert = Status(back).QuerySelector(".alert")!;
            Assert.Contains("alert-danger", alert.ClassName, StringComparison.Ordinal);
            Assert.Contains(expected, alert.TextContent, StringComparison.Ordinal);
            Assert.Null(alert.QuerySelector("a"));

            var (status, answer) = await PostAsJsonClientAsync(client, form, quantity, item);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.False(answer.GetProperty("added").GetBoolean());
            Assert.Contains(expected, answer.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(Text["Cart.None"], answer.GetProperty("summary").GetProperty("text").GetString());
        }

        Assert.Empty(await DraftIdsAsync(client));
        Assert.Equal(Text["Cart.None"], HeaderText(await client.GetPageAsync("/Products")));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task AnotherUsersDraftIdIsNeverAddedToAndFiveQuickClicksStartOneDraft(string provider)
    {
        var whole = Mirror.PricedItemNumbersOf(Personas.Representative, quantityDecimals: 0);
        var (first, second) = (whole[0], whole[1]);
        using var colleague = await NewBuyerAsync(provider);
        await colleague.SubmitAsync(AddForm(await colleague.GetPageAsync($"/Products?search={first}"), first));
        var colleaguesDraft = Assert.Single(await DraftIdsAsync(colleague));
        using var client = await NewBuyerAsync(provider);
        var form = AddForm(await client.GetPageAsync($"/Products?search={second}"), second);
        foreach (var name in new[] { "id", "draftId", "salesOrderId" })
        {
            var field = (IHtmlInputElement)form.Owner!.CreateElement("input");
            field.Type = "hidden";
            field.Name = name;
            field.Value = colleaguesDraft;
            form.AppendChild(field);
        }

        var responses = await PostSimultaneouslyAsync(client, form, 5);

        // One draft with one line, whoever won the race. Concurrent increments of a line are not serialised (a person
        // cannot click faster than an add answers: site.js and cart.js hold a form until it has), so the quantity is 1 to 5.
        Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.Redirect), portals.For(provider).ServerLog.Errors());
        var draftId = Assert.Single(await DraftIdsAsync(client));
        Assert.NotEqual(colleaguesDraft, draftId);
        var line = Assert.Single((await client.GetPageAsync($"/Orders/Drafts/{draftId}/Items")).QuerySelectorAll("#draft-lines tbody tr"));
        Assert.Equal(second, line.GetAttribute("data-item"));
        Assert.InRange(int.Parse(line.QuerySelector<IHtmlInputElement>("input.quantity-input")!.Value, System.Globalization.CultureInfo.InvariantCulture), 1, 5);
        var colleagueLines = (await colleague.GetPageAsync($"/Orders/Drafts/{colleaguesDraft}/Items")).QuerySelectorAll("#draft-lines tbody tr");
        Assert.Equal(new[] { first }, colleagueLines.Select(r => r.GetAttribute("data-item")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Orders/Drafts/{colleaguesDraft}/Items")).Response.StatusCode);
    }

    [Fact]
    public async Task AnAdministratorHasNoOrderInTheHeaderAndCannotAdd()
    {
        using var admin = portals.Sqlite.CreatePortalClient();
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);

        var home = await admin.GetPageAsync("/");

        Assert.Null(home.QuerySelector("#current-draft"));
        Assert.Null(home.QuerySelector("#add-to-order-status"));
        var token = home.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var post = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["itemNumber"] = Mirror.PricedItemNumbersOf(Personas.Representative)[0],
            ["quantity"] = "1",
            ["__RequestVerificationToken"] = token,
        });
        var response = await admin.Http.PostAsync("/Orders/Drafts/Current?handler=Add", post, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    // A user of the test's own, linked to the representative's contact: same account, prices and orders, no drafts yet.
    private async Task<PortalClient> NewBuyerAsync(string provider)
    {
        var portal = portals.For(provider);
        var email = await portal.CreateUserAsync(Personas.Password, PortalRoles.CustomerRepresentative, linkedToContactOf: Personas.Representative);
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email, Personas.Password);
        return client;
    }

    // The add form of the row or line of that item.
    private static IHtmlFormElement AddForm(IDocument page, string itemNumber) =>
        page.QuerySelectorAll<IHtmlFormElement>("form[data-add-to-order]")
            .FirstOrDefault(f => f.QuerySelector<IHtmlInputElement>("input[name=itemNumber]")?.Value == itemNumber)
        ?? throw new InvalidOperationException($"No add form for {itemNumber} on {page.Url}.");

    private static string HeaderText(IDocument page) => page.QuerySelector("#current-draft .current-draft-text")!.TextContent.Trim();

    private static IElement Status(IDocument page) => page.QuerySelector("#add-to-order-status[aria-live=polite]")!;

    // The form as cart.js posts it: the same fields, asking for JSON.
    private static async Task<(HttpStatusCode Status, JsonElement Answer)> PostAsJsonClientAsync(PortalClient client, IHtmlFormElement form, string quantity, string? item = null)
    {
        var fields = form.Elements.OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        fields["quantity"] = quantity;
        if (item is not null)
        {
            fields["itemNumber"] = item;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await client.Http.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{(int)response.StatusCode} {response.Headers.Location} {body[..Math.Min(body.Length, 300)]}");
        using var json = JsonDocument.Parse(body);
        return (response.StatusCode, json.RootElement.Clone());
    }

    // Two writable portals over copies of the seeded data: SQLite mode, and Dataverse mode against the emulator.
    public sealed class Portals(SeededPortalData data) : IAsyncDisposable
    {
        public PrivatePortalFactory Sqlite { get; } = new(data);

        public DataversePortalFactory Dataverse { get; } = new(data);

        public PrivatePortalFactory For(string provider) => provider == "Dataverse" ? Dataverse : Sqlite;

        public async ValueTask DisposeAsync()
        {
            await Dataverse.DisposeAsync();
            await Sqlite.DisposeAsync();
        }
    }
}
