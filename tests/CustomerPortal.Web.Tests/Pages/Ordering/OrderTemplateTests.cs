using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Core.Products;
using CustomerPortal.DualWrite;
using CustomerPortal.Web.Tests.Pages.Orders;
using Microsoft.EntityFrameworkCore;
using static CustomerPortal.Web.Tests.Pages.Ordering.OrderingFlow;

namespace CustomerPortal.Web.Tests.Pages.Ordering;

// Order templates (issue 13) on both data sources: saved from an order and from a draft, ordered from in
// one click (all lines, or the chosen ones, re-priced, with the reorder's refusals), edited and deleted
// after a confirmation page; names are checked; a template the user may not see is 404 and stays as it was.
public sealed class OrderTemplateTests(TemplatePortals portals) : IClassFixture<TemplatePortals>
{
    private static readonly PortalTexts Text = PortalTexts.English;

    public static TheoryData<string> Providers => ["Sqlite", "Dataverse"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnOrderSavedAsATemplateIsOrderedInOneClickWithAProductRetiredSinceLeftOutAndSaid(string provider)
    {
        var portal = portals.For(provider);
        var (number, items) = OrderWithOrderableLines(portal);
        using var rep = await portal.SignedInClientAsync(Personas.Representative);

        var order = await rep.GetPageAsync($"/Orders/{number}");
        var save = await rep.GetPageAsync(order.QuerySelector<IHtmlAnchorElement>("#save-as-template")!.PathName + order.QuerySelector<IHtmlAnchorElement>("#save-as-template")!.Search);
        Assert.Equal(Text["Templates.Save.DefaultName", number], save.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Equal(items, save.QuerySelectorAll("#save-lines tbody tr").Select(r => r.GetAttribute("data-item")!).Order(StringComparer.Ordinal));
        var saved = await rep.SubmitAsync(Form(save, "#save-form"), new Dictionary<string, string> { ["Input.Name"] = "Weekly restock" });

        var templateUrl = AssertRedirect(saved, "^/Orders/Templates/[0-9a-f-]{36}$");
        var template = await rep.GetPageAsync(templateUrl);
        Assert.Equal(Text["Templates.Save.Saved", "Weekly restock", items.Count], template.QuerySelector("#template-status")!.TextContent.Trim());
        var listed = (await rep.GetPageAsync("/Orders/Templates")).QuerySelector($"#templates tr[data-template='{TemplateId(templateUrl)}']")!;
        Assert.Equal("Weekly restock", listed.QuerySelector(".template-link")!.TextContent.Trim());
        Assert.Contains(Text["Templates.Shared"], listed.TextContent, StringComparison.Ordinal);

        // The seller retires one of the products after the template was saved.
        var (retired, position) = RetireInTemplate(portal, TemplateId(templateUrl), items[0]);

        var list = await rep.GetPageAsync("/Orders/Templates");
        var response = await rep.SubmitAsync(list.QuerySelector<IHtmlFormElement>($"tr[data-template='{TemplateId(templateUrl)}'] form")!);

        var itemsPage = await rep.GetPageAsync(AssertRedirect(response, "^/Orders/Drafts/[0-9a-f-]{36}/Items$"));
        Assert.Equal(items.Skip(1), itemsPage.QuerySelectorAll("#draft-lines tbody tr").Select(r => r.GetAttribute("data-item")!).Order(StringComparer.Ordinal));
        var status = itemsPage.QuerySelector(".alert-success[role=status]")!.TextContent;
        Assert.StartsWith(Text["Templates.Order.Added", items.Count - 1, "Weekly restock", "§"].Split('§')[0], status.Trim(), StringComparison.Ordinal);
        Assert.All(items.Skip(1), item => Assert.Contains(item + " × ", status, StringComparison.Ordinal));
        var refused = Assert.Single(itemsPage.QuerySelectorAll("#not-copied li")).TextContent.Trim();
        Assert.Equal(Text["Ordering.Problem.Line", position, retired, Text["ProductRefusal.Retired"]], refused);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ADraftIsSavedAsATemplateOnlyUnderAGoodNewNameAndTheChosenLinesAreOrdered(string provider)
    {
        var portal = portals.For(provider);
        var priced = portal.Mirror.PricedItemNumbersOf(Personas.AuthorizedUser, quantityDecimals: 0);
        var (first, second, third) = (priced[10], priced[11], priced[12]);
        using var buyer = await portal.SignedInClientAsync(Personas.AuthorizedUser);
        var draftId = await StartDraftAsync(buyer);
        foreach (var (item, quantity) in new[] { (first, "2"), (second, "3"), (third, "1") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AddItemAsync(buyer, draftId, item, quantity)).StatusCode);
        }

        var itemsStep = await buyer.GetPageAsync($"/Orders/Drafts/{draftId}/Items");
        var saveUrl = itemsStep.QuerySelector<IHtmlAnchorElement>("#save-as-template")!;
        Assert.Equal($"/Orders/Templates/New?draft={draftId}", saveUrl.PathName + saveUrl.Search);
        Assert.NotNull((await buyer.GetPageAsync($"/Orders/Drafts/{draftId}/Review")).QuerySelector($"#save-as-template[href='/Orders/Templates/New?draft={draftId}']"));
        var name = $"Site {provider}";
        var before = TemplateCount(portal);

        // Empty, too long, then a good name; then the same name again, in other letters' case.
        foreach (var (bad, expected) in new[] { ("  ", Text["Validation.Required"]), (new string('n', 101), Text["Validation.TooLong", "", 100]) })
        {
            var page = await buyer.GetPageAsync($"/Orders/Templates/New?draft={draftId}");
            var refused = await buyer.SubmitAsync(Form(page, "#save-form"), new Dictionary<string, string> { ["Input.Name"] = bad });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal(expected, (await PortalClient.ParseAsync(refused)).QuerySelector("#name-error")!.TextContent.Trim());
        }

        Assert.Equal(before, TemplateCount(portal));
        var save = await buyer.GetPageAsync($"/Orders/Templates/New?draft={draftId}");
        Assert.Contains(Text["Templates.Save.PrivateHelp"], save.QuerySelector("#name-help")!.TextContent, StringComparison.Ordinal);
        var templateUrl = AssertRedirect(await buyer.SubmitAsync(Form(save, "#save-form"), new Dictionary<string, string> { ["Input.Name"] = name }), "^/Orders/Templates/[0-9a-f-]{36}$");
        var again = await buyer.SubmitAsync(Form(await buyer.GetPageAsync($"/Orders/Templates/New?draft={draftId}"), "#save-form"),
            new Dictionary<string, string> { ["Input.Name"] = " " + name.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(Text["Templates.Validation.NameTaken", name.ToUpperInvariant()], (await PortalClient.ParseAsync(again)).QuerySelector("#name-error")!.TextContent.Trim());
        Assert.Equal(before + 1, TemplateCount(portal));

        // Order two of the three lines; then none, which is refused and starts no draft.
        var template = await buyer.GetPageAsync(templateUrl);
        Assert.Equal([first, second, third], template.QuerySelectorAll("#template-lines tbody tr").Select(r => r.GetAttribute("data-item")));
        template.QuerySelector<IHtmlInputElement>($"#template-lines tr[data-item='{second}'] input[name=selected]")!.IsChecked = false;
        var ordered = await buyer.GetPageAsync(AssertRedirect(await buyer.SubmitAsync(Form(template, "#order-form")), "^/Orders/Drafts/[0-9a-f-]{36}/Items$"));
        Assert.Equal([first, third], ordered.QuerySelectorAll("#draft-lines tbody tr").Select(r => r.GetAttribute("data-item")));
        Assert.Equal(["2", "1"], ordered.QuerySelectorAll("#draft-lines tbody tr input[name$='Quantity']").Select(i => i.GetAttribute("value")));
        Assert.Empty(ordered.QuerySelectorAll("#not-copied li"));

        var drafts = await DraftIdsAsync(buyer);
        template = await buyer.GetPageAsync(templateUrl);
        foreach (var box in template.QuerySelectorAll<IHtmlInputElement>("#template-lines input[name=selected]"))
        {
            box.IsChecked = false;
        }

        var none = await buyer.SubmitAsync(Form(template, "#order-form"));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Equal(Text["Templates.Order.NoneChosen"], (await PortalClient.ParseAsync(none)).QuerySelector("#choose-error")!.TextContent.Trim());
        Assert.Equal(drafts, await DraftIdsAsync(buyer));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheOwnerRenamesChangesAQuantityRemovesALineAndDeletesAfterConfirmingWhileAColleagueOnlyOrders(string provider)
    {
        var portal = portals.For(provider);
        using var rep = await portal.SignedInClientAsync(Personas.Representative);
        using var buyer = await portal.SignedInClientAsync(Personas.AuthorizedUser);
        using var fabrikam = await portal.SignedInClientAsync(Personas.OtherCustomer);
        var priced = portal.Mirror.PricedItemNumbersOf(Personas.Representative, quantityDecimals: 0);
        var templateUrl = await SaveDraftAsTemplateAsync(rep, $"Shared {provider}", [(priced[20], "4"), (priced[21], "5")]);

        // Edit: a bad quantity is refused next to its field and saves nothing; then rename, a new quantity, a removed line.
        var template = await rep.GetPageAsync(templateUrl);
        var refused = await rep.SubmitAsync(Form(template, "#edit-form"), new Dictionary<string, string> { ["Input.Name"] = "Renamed", ["lines[0].Quantity"] = "0" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(Text["QuantityProblem.NotPositive"], (await PortalClient.ParseAsync(refused)).QuerySelector("#edit-qty-0-error")!.TextContent.Trim());
        Assert.Contains($"Shared {provider}", (await rep.GetPageAsync(templateUrl)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var saved = await rep.SubmitAsync(Form(template, "#edit-form"), new Dictionary<string, string> { ["Input.Name"] = $"Renamed {provider}", ["lines[0].Quantity"] = "7" });
        AssertRedirect(saved, "^/Orders/Templates/[0-9a-f-]{36}$");
        template = await rep.GetPageAsync(templateUrl);
        Assert.Equal(Text["Templates.Details.Title", $"Renamed {provider}"], template.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("7", template.QuerySelector<IHtmlInputElement>("#edit-qty-0")!.Value);
        var remove = template.QuerySelector<IHtmlButtonElement>($"#edit-lines tr[data-item='{priced[21]}'] button[name=lineId]")!;
        AssertRedirect(await rep.SubmitAsync(Form(template, "#edit-form"), submitter: remove), "^/Orders/Templates/[0-9a-f-]{36}$");
        Assert.Equal([priced[20]], (await rep.GetPageAsync(templateUrl)).QuerySelectorAll("#template-lines tbody tr").Select(r => r.GetAttribute("data-item")));

        // A colleague who is an authorized user sees the shared template and orders from it, but cannot change it.
        var seen = await buyer.GetPageAsync(templateUrl);
        Assert.Null(seen.QuerySelector("#edit-form"));
        Assert.Null(seen.QuerySelector("#delete-template"));
        Assert.NotNull(seen.QuerySelector("#template-read-only"));
        var fingerprint = StoreRows(portal);
        var forged = await PostAsync(buyer, templateUrl + "?handler=Save", new() { ["Input.Name"] = "Taken over", ["lines[0].LineId"] = Guid.Empty.ToString() });
        AssertAccessDenied(forged);
        AssertAccessDenied((await buyer.GetAsync(templateUrl + "/Delete")).Response);
        AssertAccessDenied(await PostAsync(buyer, templateUrl + "/Delete", []));
        Assert.Equal(fingerprint, StoreRows(portal));

        // Another customer: 404 on every page and post, and nothing changes.
        await OrderDetailsPageTests.AssertFriendlyNotFoundAsync(fabrikam, templateUrl);
        await OrderDetailsPageTests.AssertFriendlyNotFoundAsync(fabrikam, templateUrl + "/Delete");
        var delete = await rep.GetPageAsync(templateUrl + "/Delete");
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(fabrikam, templateUrl + "/Delete", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(fabrikam, templateUrl + "?handler=Order", new() { ["all"] = "true" })).StatusCode);
        Assert.Equal(fingerprint, StoreRows(portal));

        // Delete: the first step only asks; the second deletes it for everyone.
        Assert.Equal(Text["Templates.Delete.Title", $"Renamed {provider}"], delete.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(fingerprint, StoreRows(portal));
        var deleted = await rep.SubmitAsync(Form(delete, "#delete-form"));
        Assert.Equal("/Orders/Templates", AssertRedirect(deleted, "^/Orders/Templates$"));
        Assert.Equal(Text["Templates.Deleted", $"Renamed {provider}"], (await rep.GetPageAsync("/Orders/Templates")).QuerySelector("#templates-status")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.GetAsync(templateUrl)).Response.StatusCode);
        Assert.Equal(0, TemplateLineCount(portal, TemplateId(templateUrl)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnAuthorizedUsersTemplateIsTheirsAloneAndAnotherCustomersIs404(string provider)
    {
        var portal = portals.For(provider);
        using var rep = await portal.SignedInClientAsync(Personas.Representative);
        using var buyer = await portal.SignedInClientAsync(Personas.AuthorizedUser);
        using var fabrikam = await portal.SignedInClientAsync(Personas.OtherCustomer);
        var priced = portal.Mirror.PricedItemNumbersOf(Personas.AuthorizedUser);
        var templateUrl = await SaveDraftAsTemplateAsync(buyer, $"Mine {provider}", [(priced[30], "1")]);
        var id = TemplateId(templateUrl);

        Assert.NotNull((await buyer.GetPageAsync("/Orders/Templates")).QuerySelector($"tr[data-template='{id}']"));
        Assert.Null((await rep.GetPageAsync("/Orders/Templates")).QuerySelector($"tr[data-template='{id}']"));
        Assert.Null((await fabrikam.GetPageAsync("/Orders/Templates")).QuerySelector($"tr[data-template='{id}']"));
        var fingerprint = StoreRows(portal);
        foreach (var other in new[] { rep, fabrikam })
        {
            var drafts = await DraftIdsAsync(other);
            await OrderDetailsPageTests.AssertFriendlyNotFoundAsync(other, templateUrl);
            await OrderDetailsPageTests.AssertFriendlyNotFoundAsync(other, templateUrl + "/Delete");
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other, templateUrl + "?handler=Order", new() { ["all"] = "true" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other, templateUrl + "?handler=Save", new() { ["Input.Name"] = "Stolen" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other, templateUrl + "/Delete", [])).StatusCode);
            Assert.Equal(drafts, await DraftIdsAsync(other));
        }

        Assert.Equal(fingerprint, StoreRows(portal));
    }

    private static async Task<string> SaveDraftAsTemplateAsync(PortalClient client, string name, IReadOnlyList<(string Item, string Quantity)> lines)
    {
        var draftId = await StartDraftAsync(client);
        foreach (var (item, quantity) in lines)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AddItemAsync(client, draftId, item, quantity)).StatusCode);
        }

        var save = await client.GetPageAsync($"/Orders/Templates/New?draft={draftId}");
        return AssertRedirect(await client.SubmitAsync(Form(save, "#save-form"), new Dictionary<string, string> { ["Input.Name"] = name }), "^/Orders/Templates/[0-9a-f-]{36}$");
    }

    // A post with the client's own antiforgery token (from any of its pages), as a forged form would be sent.
    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, string url, Dictionary<string, string> fields)
    {
        var token = (await client.GetPageAsync("/")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.Http.PostAsync(url, content, TestContext.Current.CancellationToken);
    }

    private static void AssertAccessDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static string AssertRedirect(HttpResponseMessage response, string pattern)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}.");
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(pattern, location);
        return location;
    }

    private static Guid TemplateId(string url) => Guid.Parse(url.Split('/')[3]);

    // An order of the representative's account with at least three different products, all orderable today.
    private static (string Number, List<string> Items) OrderWithOrderableLines(PrivatePortalFactory portal)
    {
        var priced = portal.Mirror.PricedItemNumbersOf(Personas.Representative).ToHashSet(StringComparer.Ordinal);
        var orders = portal.Mirror.Read(db => db.Set<SalesOrderRow>().AsNoTracking()
            .Where(o => o.Customer!.AccountNumber == "US-0001" && o.Lines.Count >= 3 && o.Lines.All(l => !l.IsProductOverridden))
            .OrderBy(o => o.OrderNumber)
            .Select(o => new { o.OrderNumber, Items = o.Lines.Select(l => l.Product!.ScmProductNumber).ToList() })
            .Take(200)
            .ToList());
        var order = orders.First(o => o.Items.All(priced.Contains) && o.Items.Distinct().Count() == o.Items.Count);
        return (order.OrderNumber, [.. order.Items.Order(StringComparer.Ordinal)]);
    }

    // Points the template's line of this item at a retired product, as if the seller retired it; returns its item number and line.
    private static (string ItemNumber, long Position) RetireInTemplate(PrivatePortalFactory portal, Guid templateId, string item)
    {
        var retired = portal.Mirror.Read(db => db.Set<ProductRow>().AsNoTracking()
            .Where(p => p.State == ProductState.Retired).OrderBy(p => p.ScmProductNumber).Select(p => new { p.ProductId, p.ScmProductNumber }).First());
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={portal.PortalStorePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE PortalOrderTemplateLines SET ProductId = $product, ItemNumber = $number WHERE TemplateId = $template AND ItemNumber = $item";
        command.Parameters.AddWithValue("$product", retired.ProductId.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$number", retired.ScmProductNumber);
        command.Parameters.AddWithValue("$template", templateId.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$item", item);
        Assert.Equal(1, command.ExecuteNonQuery());
        var position = PortalStoreQueries.Open(portal.PortalStorePath).Count(
            "SELECT Position FROM PortalOrderTemplateLines WHERE TemplateId = $p0 AND ItemNumber = $p1", templateId.ToString().ToUpperInvariant(), retired.ScmProductNumber);
        return (retired.ScmProductNumber, position);
    }

    private static long TemplateCount(PrivatePortalFactory portal) => PortalStoreQueries.Open(portal.PortalStorePath).Count("SELECT count(*) FROM PortalOrderTemplates");

    private static long TemplateLineCount(PrivatePortalFactory portal, Guid id) =>
        PortalStoreQueries.Open(portal.PortalStorePath).Count("SELECT count(*) FROM PortalOrderTemplateLines WHERE TemplateId = $p0", id.ToString().ToUpperInvariant());

    private static string StoreRows(PrivatePortalFactory portal) => string.Join("\n", PortalStoreQueries.Open(portal.PortalStorePath)
        .Strings("SELECT t.Id || '|' || t.Name || '|' || t.ModifiedOn || '|' || ifnull(group_concat(l.ItemNumber || '×' || l.Quantity, ','), '') FROM PortalOrderTemplates t LEFT JOIN PortalOrderTemplateLines l ON l.TemplateId = t.Id GROUP BY t.Id ORDER BY t.Id"));
}

// One portal per data source, each over its own copy of the seeded data (templates and drafts are written).
public sealed class TemplatePortals(SeededPortalData data) : IAsyncDisposable
{
    public PrivatePortalFactory Sqlite { get; } = new(data);

    public DataversePortalFactory Dataverse { get; } = new(data);

    public PrivatePortalFactory For(string provider) => provider switch
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
