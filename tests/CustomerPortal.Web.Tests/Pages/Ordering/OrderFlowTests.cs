using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Core.Orders;
using CustomerPortal.Core.Products;
using CustomerPortal.DualWrite;
using static CustomerPortal.Web.Tests.Pages.Ordering.OrderingFlow;

namespace CustomerPortal.Web.Tests.Pages.Ordering;

public sealed class OrderFlowTests(OrderingPortal portal) : IClassFixture<OrderingPortal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The items step's suggestions are the customer's catalogue with their prices: private like the pages
    // (never kept by a cache, issue 10) and answered only for the user's own draft.
    [Fact]
    public async Task TheItemsStepSuggestsTheCustomersPricedProductsUncachedAndOnlyForTheirOwnDraft()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var (first, _) = PricedItems(Personas.Representative);
        var draftId = await StartDraftAsync(client);
        var items = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Items");
        var suggestUrl = items.QuerySelector("#add-item")!.GetAttribute("data-suggest-url")!;

        using var response = await client.Http.GetAsync($"{suggestUrl}&term={Uri.EscapeDataString(first)}", Ct);
        using var unknownDraft = await client.Http.GetAsync($"/Orders/Drafts/{Guid.NewGuid()}/Items?handler=Suggest&term={Uri.EscapeDataString(first)}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control {response.Headers.CacheControl}");
        using var suggestions = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(suggestions.RootElement.EnumerateArray(), s =>
            s.GetProperty("itemNumber").GetString() == first && s.GetProperty("label").GetString()!.Contains('$', StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, unknownDraft.StatusCode);
    }

    [Fact]
    public async Task ARepresentativeCreatesReviewsAndSubmitsAnOrderThatShowsInTheListAtOnce()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var (first, second) = PricedItems(Personas.Representative);

        var draftId = await StartDraftAsync(client, requisition: "PO-FLOW-1");
        Assert.Equal(HttpStatusCode.Redirect, (await AddItemAsync(client, draftId, first, "3")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddItemAsync(client, draftId, second.ToLowerInvariant(), "2")).StatusCode);

        var items = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Items");
        Assert.Equal(2, items.QuerySelectorAll("#draft-lines tbody tr").Length);
        Assert.Contains("$", items.QuerySelector("#running-total")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(items.QuerySelector(".price-note"));

        var review = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Review");
        Assert.Null(review.QuerySelector("#review-problems"));
        var response = await client.SubmitAsync(Form(review, "#submit-form"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var number = response.Headers.Location!.OriginalString.Split('/')[2];
        Assert.StartsWith("CP-", number, StringComparison.Ordinal);
        var details = await client.GetPageAsync($"/Orders/{number}");
        Assert.NotNull(details.QuerySelector("#order-submitted"));
        Assert.Equal(2, details.QuerySelectorAll("table tbody tr").Length);
        var list = await client.GetPageAsync($"/Orders?search={number}");
        Assert.Contains(number, list.QuerySelector("table tbody")!.TextContent, StringComparison.Ordinal);

        // The mirror row carries what dual-write needs.
        var written = portal.Mirror.OrderWithLines(number);
        Assert.NotNull(written);
        Assert.Equal(192350000L, (long)written.OrderType);
        Assert.True(written.IsReadyToSync);
        Assert.Equal(192350000L, (long)written.ProcessingStatus);
        Assert.Equal("0/1", $"{(int)written.State}/{(int)written.StatusReason}");
        Assert.Equal("United States", written.ShipToCountry);
        Assert.Equal("PO-FLOW-1", written.RequisitionNumber);
        Assert.Equal(draftId, written.SalesOrderId);
        Assert.Equal(2, written.Lines.Count(l => l.UnitId != Guid.Empty && l.ShipToCountry != null));

        // Submitted means read-only: the draft pages now lead to the order.
        var again = await client.GetAsync($"/Orders/Drafts/{draftId}/Items");
        Assert.Equal(HttpStatusCode.Redirect, again.Response.StatusCode);
        Assert.Equal($"/Orders/{number}", again.Response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TwentySimultaneousSubmitsOfOneDraftEndWithExactlyOneOrder()
    {
        using var client = await portal.SignedInAsync(Personas.AuthorizedUser);
        var (item, _) = PricedItems(Personas.AuthorizedUser);
        var draftId = await StartDraftAsync(client);
        await AddItemAsync(client, draftId, item, "1");
        var review = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Review");

        var responses = await PostSimultaneouslyAsync(client, Form(review, "#submit-form"), 20);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var location = Assert.Single(responses.Select(r => r.Location).Distinct());
        var number = location!.Split('/')[2];
        Assert.NotNull(portal.Mirror.OrderById(draftId));
        Assert.Equal(draftId, portal.Mirror.OrderWithLines(number)?.SalesOrderId);
    }

    [Fact]
    public async Task OrderInformationRefusesAPastDateMissingFieldsAndTooLongTextAndSavesNothing()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var drafts = await DraftIdsAsync(client);
        var page = await client.GetPageAsync("/Orders/New");

        var response = await client.SubmitAsync(InformationForm(page), new Dictionary<string, string>
        {
            ["Input.RequestedReceiptDate"] = RequestedDate(-3),
            ["Input.Line1"] = "",
            ["Input.City"] = "",
            ["Input.RequisitionNumber"] = new string('R', 21),
            ["Input.CustomerReference"] = new string('C', 61),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalClient.ParseAsync(response);
        foreach (var field in new[] { "RequestedReceiptDate", "Line1", "City", "RequisitionNumber", "CustomerReference" })
        {
            var input = document.QuerySelector($"[name='Input.{field}']")!;
            Assert.Contains("input-validation-error", input.ClassName ?? "", StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(document.GetElementById(input.GetAttribute("aria-describedby")!)!.TextContent), field);
        }

        Assert.Equal(drafts, await DraftIdsAsync(client));
    }

    [Fact]
    public async Task ItemsRefuseUnknownRetiredUnlistedAndBadQuantitiesNextToTheField()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var draftId = await StartDraftAsync(client);
        var (retired, unlisted) = UnorderableItems(Personas.Representative);
        var whole = portal.Mirror.PricedItemNumbersOf(Personas.Representative, quantityDecimals: 0)[0];

        var cases = new (string Item, string Quantity, string Field, string Expected)[]
        {
            ("NOPE-0000", "1", "add.ItemNumber", "No product has the item number NOPE-0000."),
            (retired, "1", "add.ItemNumber", "This product is retired and can no longer be ordered."),
            (unlisted, "1", "add.ItemNumber", "This product is not on your price list."),
            (whole, "1.5", "add.Quantity", "decimal place"),
            (whole, "0", "add.Quantity", "The quantity must be more than zero."),
            (whole, "1000000", "add.Quantity", "cannot exceed"),
            (whole, "lots", "add.Quantity", ""),
        };
        foreach (var (item, quantity, field, expected) in cases)
        {
            var response = await AddItemAsync(client, draftId, item, quantity);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = await PortalClient.ParseAsync(response);
            var input = document.QuerySelector($"#add-form [name='{field}']")!;
            Assert.Contains("input-validation-error", input.ClassName ?? "", StringComparison.Ordinal);
            var message = document.GetElementById(input.GetAttribute("aria-describedby")!)!.TextContent;
            Assert.False(string.IsNullOrWhiteSpace(message), $"{item} × {quantity}");
            Assert.Contains(expected, message, StringComparison.Ordinal);
        }

        var items = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Items");
        Assert.Empty(items.QuerySelectorAll("#draft-lines tbody tr"));
    }

    // The largest decimal a form can post, added to a line that already has the product: refused as too
    // large next to the field, never an overflow and an error page (issue 10).
    [Fact]
    public async Task AHugeQuantityAddedToAnExistingLineIsRefusedAsTooLarge()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var draftId = await StartDraftAsync(client);
        var whole = portal.Mirror.PricedItemNumbersOf(Personas.Representative, quantityDecimals: 0)[0];
        Assert.Equal(HttpStatusCode.Redirect, (await AddItemAsync(client, draftId, whole, "5")).StatusCode);

        var response = await AddItemAsync(client, draftId, whole, decimal.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalClient.ParseAsync(response);
        var input = document.QuerySelector("#add-form [name='add.Quantity']")!;
        Assert.Contains("cannot exceed", document.GetElementById(input.GetAttribute("aria-describedby")!)!.TextContent, StringComparison.Ordinal);
        var page = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Items");
        Assert.Equal("5", page.QuerySelector("#draft-lines tbody tr input[name$='Quantity']")?.GetAttribute("value"));

        var quick = await client.SubmitAsync(Form(page, "form:has(#quick-entry)"), new Dictionary<string, string>
        {
            ["quickEntry"] = $"{whole}, {decimal.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        });
        Assert.Equal(HttpStatusCode.OK, quick.StatusCode);
        Assert.Equal("InvalidQuantity", (await PortalClient.ParseAsync(quick)).QuerySelector("#quick-entry-report tbody tr")?.GetAttribute("data-problem"));
    }

    [Fact]
    public async Task QuickEntryAddsWhatItUnderstandsAndReportsEveryOtherLine()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var draftId = await StartDraftAsync(client);
        var (first, second) = PricedItems(Personas.Representative);
        var (retired, _) = UnorderableItems(Personas.Representative);
        var page = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Items");

        var response = await client.SubmitAsync(Form(page, "form:has(#quick-entry)"), new Dictionary<string, string>
        {
            ["quickEntry"] = $"{first}, 2\n\n{second};1\njust words\n{retired}, 1\nZZ-404, 3\n{first}, many",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalClient.ParseAsync(response);
        var rows = document.QuerySelectorAll("#quick-entry-report tbody tr");
        Assert.Equal(["", "", "NotUnderstood", "NotOrderable", "UnknownItem", "QuantityNotUnderstood"], rows.Select(r => r.GetAttribute("data-problem") ?? ""));
        Assert.Equal(["1", "3", "4", "5", "6", "7"], rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.Equal([first, second], document.QuerySelectorAll("#draft-lines tbody tr").Select(r => r.GetAttribute("data-item")));
    }

    [Fact]
    public async Task QuickEntryRefusesMoreLinesThanAnOrderMayHaveAndAddsNothing()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var draftId = await StartDraftAsync(client);
        var (first, _) = PricedItems(Personas.Representative);
        var page = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Items");

        var response = await client.SubmitAsync(Form(page, "form:has(#quick-entry)"), new Dictionary<string, string>
        {
            ["quickEntry"] = string.Join("\n", Enumerable.Repeat($"{first}, 1", Core.Ordering.OrderingRules.MaxLines + 1)),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalClient.ParseAsync(response);
        Assert.Empty(document.QuerySelectorAll("#quick-entry-report tbody tr"));
        Assert.Empty(document.QuerySelectorAll("#draft-lines tbody tr"));
        Assert.NotEmpty(document.QuerySelectorAll(".is-invalid, .invalid-feedback:not(:empty), .field-validation-error"));
    }

    [Fact]
    public async Task AContactWithoutAPriceListIsToldWhatIsMissingAndWhomToAskBeforeTypingAnything()
    {
        var contactId = portal.Mirror.ContactWithoutPriceList();
        var email = await portal.CreateUserForContactAsync(contactId);
        using var client = await portal.SignedInAsync(email);

        var page = await client.GetPageAsync("/Orders/New");

        var missing = page.QuerySelector("#ordering-missing");
        Assert.NotNull(missing);
        Assert.Equal(["PriceList"], missing.QuerySelectorAll("[data-missing-field]").Select(e => e.GetAttribute("data-missing-field")));
        Assert.Contains("price list", missing.TextContent, StringComparison.Ordinal);
        Assert.Contains("the seller’s customer service", missing.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#information-next"));
    }

    [Fact]
    public async Task AdministratorsCannotPlaceOrders()
    {
        using var client = await portal.SignedInAsync(Personas.Administrator, Personas.AdministratorPassword);

        var (response, _) = await client.GetAsync("/Orders/New");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostsWithoutTheAntiforgeryTokenAreRejected()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.RequestedReceiptDate"] = RequestedDate() });

        var response = await client.Http.PostAsync("/Orders/New", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DraftsAreListedPerUserAndCanBeDiscarded()
    {
        using var rep = await portal.SignedInAsync(Personas.Representative);
        using var buyer = await portal.SignedInAsync(Personas.AuthorizedUser);
        var draftId = await StartDraftAsync(rep, requisition: "PO-DRAFT");

        var list = await rep.GetPageAsync("/Orders/Drafts");
        var row = list.QuerySelector($"tr[data-draft='{draftId}']");
        Assert.NotNull(row);
        Assert.Null((await buyer.GetPageAsync("/Orders/Drafts")).QuerySelector($"tr[data-draft='{draftId}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.GetAsync($"/Orders/Drafts/{draftId}/Review")).Response.StatusCode);

        var response = await rep.ConfirmAsync(row.QuerySelector<IHtmlFormElement>("form.confirm-ask")!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await rep.GetPageAsync("/Orders/Drafts")).QuerySelector($"tr[data-draft='{draftId}']"));
    }

    [Fact]
    public async Task ReviewListsWhatStopsASubmitWithLinksBackAndSubmitsNothing()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var draftId = await StartDraftAsync(client);

        var review = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Review");
        var response = await client.SubmitAsync(Form(review, "#submit-form"));

        Assert.NotNull(review.QuerySelector("#review-problems a[href$='/Items']"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(portal.Mirror.OrderById(draftId));
    }

    [Fact]
    public async Task ReorderCopiesTheChosenLinesIntoANewDraftAndSaysWhichCouldNotBeCopied()
    {
        using var client = await portal.SignedInAsync(Personas.Representative);
        var number = portal.Mirror.Read(db => db.Set<SalesOrderRow>()
            .Where(o => o.Customer!.AccountNumber == "US-0001" && o.Lines.Count >= 3)
            .OrderBy(o => o.OrderNumber).Select(o => o.OrderNumber).First());
        var page = await client.GetPageAsync($"/Orders/{number}/Reorder");
        var boxes = page.QuerySelectorAll<IHtmlInputElement>("#reorder-lines input[name=selected]:not([disabled])").ToList();
        Assert.True(boxes.Count >= 2);
        boxes[0].IsChecked = false;

        var response = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form:has(#reorder-submit)")!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var items = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(boxes.Count - 1, items.QuerySelectorAll("#draft-lines tbody tr").Length);
    }

    [Fact]
    public async Task ReorderLeavesAWriteInLineOutAndSaysItIsAWriteInRatherThanAMissingProduct()
    {
        var text = PortalTexts.English;
        using var client = await portal.SignedInAsync(Personas.Representative);
        var writeIn = portal.Mirror.Read(db => db.Set<SalesOrderLineRow>()
            .Where(l => l.IsProductOverridden && l.SalesOrder!.Customer!.AccountNumber == "US-0001")
            .OrderBy(l => l.SalesOrder!.OrderNumber).Select(l => new { l.SalesOrder!.OrderNumber, l.ProductDescription, l.SequenceNumber }).First());
        var page = await client.GetPageAsync($"/Orders/{writeIn.OrderNumber}/Reorder");

        var row = page.QuerySelectorAll("#reorder-lines tbody tr").Single(r => r.QuerySelector(".write-in-description") is not null);
        Assert.Equal(writeIn.ProductDescription, row.QuerySelector(".write-in-description")!.TextContent.Trim());
        var box = row.QuerySelector<IHtmlInputElement>("input[name=selected]")!;
        Assert.True(box.IsDisabled);
        Assert.False(box.IsChecked);
        Assert.Equal(text["SubmitRefusalReason.WriteInLine"], row.QuerySelector(".text-danger")!.TextContent.Trim());
        Assert.DoesNotContain(text["SubmitRefusalReason.UnknownProduct"], page.QuerySelector("#reorder-lines")!.TextContent, StringComparison.Ordinal);

        // Even a form that sends the write-in line anyway gets it back as not copied, with the reason.
        box.IsDisabled = false;
        box.IsChecked = true;
        var response = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form:has(#reorder-submit)")!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var items = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(writeIn.ProductDescription!, items.QuerySelector("#draft-lines")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(
            text["Ordering.Problem.Line", writeIn.SequenceNumber, writeIn.ProductDescription!, text["SubmitRefusalReason.WriteInLine"]],
            Assert.Single(items.QuerySelectorAll("#not-copied li")).TextContent.Trim());
    }

    [Fact]
    public async Task ExportGivesTheFilteredListAsCsvOfTheScopeOnly()
    {
        using var client = await portal.SignedInAsync(Personas.AuthorizedUser);

        var response = await client.Http.GetAsync("/Orders?handler=Export&status=Invoiced", Ct);
        var csv = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Order number,Requisition number,Order date,Requested receipt,Confirmed receipt,Status,Total,Currency,Contact person", lines[0]);
        var expected = portal.Mirror.Read(db => db.Set<SalesOrderRow>()
            .Count(o => o.ContactPerson!.Email == Personas.AuthorizedUser && o.ProcessingStatus == ProcessingStatus.Invoiced));
        Assert.True(expected > 0);
        Assert.Equal(expected, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^SO-\d+,[^,]*,\d{1,2}/\d{1,2}/\d{4},(\d{1,2}/\d{1,2}/\d{4})?,(\d{1,2}/\d{1,2}/\d{4})?,Invoiced,\d+\.\d{2},USD,", l));
    }

    private (string First, string Second) PricedItems(string email)
    {
        var items = portal.Mirror.PricedItemNumbersOf(email);
        return (items[0], items[1]);
    }

    private (string Retired, string NotOnPriceList) UnorderableItems(string email)
    {
        var retired = portal.Mirror.ItemNumbersInState((int)ProductState.Retired)[0];
        var unlisted = portal.Mirror.UnlistedItemNumbersOf(email)[0];
        return (retired, unlisted);
    }
}
