using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static CustomerPortal.Web.Tests.Pages.Ordering.OrderingFlow;

namespace CustomerPortal.Web.Tests.Pages.Ordering;

// Issue 13: order lines uploaded as CSV or Excel on the items step, on both data sources (the products
// are looked up through the data source; the draft lives in the portal store of each portal's own copy).
public sealed class UploadTests(UploadTests.Sources sources) : IClassFixture<UploadTests.Sources>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Sources(SeededPortalData data) : IAsyncDisposable
    {
        public PrivatePortalFactory Sqlite { get; } = new(data);

        public DataversePortalFactory Dataverse { get; } = new(data);

        public PortalFactory For(string provider) => provider == "Sqlite" ? Sqlite : Dataverse;

        public async ValueTask DisposeAsync()
        {
            await Dataverse.DisposeAsync();
            await Sqlite.DisposeAsync();
        }
    }

    private MirrorQueries Mirror => sources.Sqlite.Mirror;

    [Theory]
    [InlineData("Sqlite", "en-US", ',', "Item number", "Quantity", "1.5")]
    [InlineData("Dataverse", "en-US", '\t', "ItemNumber", "Qty", "1.5")]
    [InlineData("Sqlite", "fr-FR", ';', "Numéro d'article", "Quantité", "1,5")]
    [InlineData("Dataverse", "fr-FR", ';', "article", "quantité", "1,5")]
    public async Task ACsvInTheUsersCultureAddsEveryLine(string provider, string culture, char delimiter, string itemHeader, string quantityHeader, string oneAndAHalf)
    {
        var (whole, fractional) = Items();
        using var client = await sources.For(provider).SignedInClientAsync(Personas.Representative, culture);
        var draftId = await StartDraftAsync(client);
        var csv = $"{itemHeader}{delimiter}{quantityHeader}\r\n{whole}{delimiter}3\r\n\r\n{fractional}{delimiter}{oneAndAHalf}\r\n";

        var response = await UploadAsync(client, draftId, "lines.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([(whole, 3m), (fractional, 1.5m)], await DraftLinesAsync(client, draftId, culture));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task ColumnsAreFoundByTheirHeaderInAnyOrderInCsvAndExcel(string provider)
    {
        var (whole, fractional) = Items();
        using var client = await sources.For(provider).SignedInClientAsync(Personas.Representative, "en-US");
        var draftId = await StartDraftAsync(client);

        var csv = await UploadAsync(client, draftId, "reordered.csv", Encoding.UTF8.GetBytes($"Note,Qty,Product number\nurgent,2,{whole}\n"));
        Assert.Equal(HttpStatusCode.Redirect, csv.StatusCode);

        var workbook = Workbook(["Quantity", "Comment", "Item number"], [[4m, "", fractional], [2.25m, "again", fractional]]);
        var xlsx = await UploadAsync(client, draftId, "lines.xlsx", workbook);

        Assert.Equal(HttpStatusCode.Redirect, xlsx.StatusCode);
        Assert.Equal([(whole, 2m), (fractional, 6.25m)], await DraftLinesAsync(client, draftId, "en-US"));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task ABadLineAddsNothingUntilTheUserChoosesToAddTheValidLines(string provider)
    {
        var (whole, fractional) = Items();
        var retired = Mirror.ItemNumbersInState((int)Core.Products.ProductState.Retired)[0];
        using var client = await sources.For(provider).SignedInClientAsync(Personas.Representative, "en-US");
        var draftId = await StartDraftAsync(client);
        var csv = $"item number;quantity\n{whole};2\nNOPE-404;1\n{retired};1\n{whole};lots\n{fractional};1\n";

        var response = await UploadAsync(client, draftId, "mixed.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await PortalClient.ParseAsync(response);
        var rows = report.QuerySelectorAll("#upload-report tbody tr");
        Assert.Equal(["2", "3", "4", "5", "6"], rows.Select(r => r.GetAttribute("data-line")));
        Assert.Equal(["", "UnknownItem", "NotOrderable", "QuantityNotUnderstood", ""], rows.Select(r => r.GetAttribute("data-problem") ?? ""));
        Assert.Equal([whole, "NOPE-404", retired, whole, fractional], rows.Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()));
        Assert.Empty(await DraftLinesAsync(client, draftId, "en-US"));

        var added = await client.SubmitAsync(Form(report, "#add-valid-form"));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal([(whole, 2m), (fractional, 1m)], await DraftLinesAsync(client, draftId, "en-US"));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task FilesThatAreTooBigOfAnotherTypeCorruptOrWithoutAHeaderAreRefusedWithAMessage(string provider)
    {
        var (whole, _) = Items();
        using var client = await sources.For(provider).SignedInClientAsync(Personas.Representative, "en-US");
        var draftId = await StartDraftAsync(client);
        var tooBig = new StringBuilder("item number,quantity\n");
        while (tooBig.Length <= 1024 * 1024)
        {
            tooBig.Append(whole).Append(",1\n");
        }

        var tooManyLines = "item number,quantity\n" + string.Concat(Enumerable.Repeat($"{whole},1\n", 501));
        var cases = new (string Name, byte[] Bytes, string Expected)[]
        {
            ("big.csv", Encoding.UTF8.GetBytes(tooBig.ToString()), "larger than 1 MB"),
            ("lines.pdf", Encoding.UTF8.GetBytes($"item number,quantity\n{whole},1\n"), "Only CSV"),
            ("broken.xlsx", [.. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7))], "could not be read"),
            ("headless.csv", Encoding.UTF8.GetBytes($"{whole},1\n{whole},2\n"), "No header row"),
            ("many.csv", Encoding.UTF8.GetBytes(tooManyLines), "more than 500 lines"),
            ("empty.csv", [], "at least one line"),
        };
        foreach (var (name, bytes, expected) in cases)
        {
            var response = await UploadAsync(client, draftId, name, bytes);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await PortalClient.ParseAsync(response);
            Assert.Contains(expected, page.QuerySelector("#upload-refusal")?.TextContent ?? $"no refusal for {name}", StringComparison.Ordinal);
        }

        Assert.Empty(await DraftLinesAsync(client, draftId, "en-US"));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task AnotherUsersDraftAnswersNotFoundAndItsValidLinesCannotBeAddedElsewhere(string provider)
    {
        var (whole, _) = Items();
        var portal = sources.For(provider);
        using var rep = await portal.SignedInClientAsync(Personas.Representative, "en-US");
        using var buyer = await portal.SignedInClientAsync(Personas.AuthorizedUser, "en-US");
        var repDraft = await StartDraftAsync(rep);
        var buyerDraft = await StartDraftAsync(buyer);
        var csv = Encoding.UTF8.GetBytes($"item number,quantity\n{whole},2\nNOPE-404,1\n");

        var foreign = await UploadAsync(buyer, buyerDraft, "lines.csv", csv, postTo: repDraft);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        // The rep's valid lines, posted by the rep to another draft of theirs: the token is the first draft's only.
        var report = await PortalClient.ParseAsync(await UploadAsync(rep, repDraft, "lines.csv", csv));
        var otherDraft = await StartDraftAsync(rep);
        var form = Form(report, "#add-valid-form");
        form.Action = form.Action.Replace(repDraft.ToString(), otherDraft.ToString(), StringComparison.Ordinal);
        var moved = await rep.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.NotNull((await PortalClient.ParseAsync(moved)).QuerySelector("#upload-refusal"));
        Assert.Empty(await DraftLinesAsync(rep, otherDraft, "en-US"));
        Assert.Empty(await DraftLinesAsync(rep, repDraft, "en-US"));
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.GetAsync($"/Orders/Drafts/{repDraft}/Upload")).Response.StatusCode);
    }

    // The upload form as the items step renders it, with its antiforgery token, posted as a browser posts a file.
    private static async Task<HttpResponseMessage> UploadAsync(PortalClient client, Guid draftId, string fileName, byte[] bytes, Guid? postTo = null)
    {
        var page = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Items");
        var form = Form(page, "#upload-form");
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        var action = new Uri(form.Action).PathAndQuery;
        if (postTo is { } other)
        {
            action = action.Replace(draftId.ToString(), other.ToString(), StringComparison.Ordinal);
        }

        return await client.Http.PostAsync(action, content, Ct);
    }

    // The draft's lines as the items step shows them: item number and quantity, read in the page's culture.
    private static async Task<List<(string Item, decimal Quantity)>> DraftLinesAsync(PortalClient client, Guid draftId, string culture)
    {
        var page = await client.GetPageAsync($"/Orders/Drafts/{draftId}/Items");
        return
        [
            .. page.QuerySelectorAll("#draft-lines tbody tr").Select(row => (
                row.GetAttribute("data-item")!,
                decimal.Parse(row.QuerySelector<IHtmlInputElement>("input[name$='Quantity']")!.Value, NumberStyles.Number, CultureInfo.GetCultureInfo(culture)))),
        ];
    }

    // A whole-unit product and one sold in fractions, both on the representative's price list.
    private (string Whole, string Fractional) Items()
    {
        var whole = Mirror.PricedItemNumbersOf(Personas.Representative, quantityDecimals: 0)[0];
        var fractional = new[] { 2, 3, 1 }.Select(d => Mirror.PricedItemNumbersOf(Personas.Representative, quantityDecimals: d)).First(l => l.Count > 0)[0];
        return (whole, fractional);
    }

    // A workbook with one sheet: a header row of shared strings, then rows of numbers and inline strings.
    private static byte[] Workbook(string[] header, object[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(header.Select(h => new SharedStringItem(new Text(h))));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(new Row(header.Select((_, i) => new Cell
            {
                CellReference = $"{(char)('A' + i)}1",
                DataType = CellValues.SharedString,
                CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)),
            })) { RowIndex = 1 });
            for (var r = 0; r < rows.Length; r++)
            {
                data.Append(new Row(rows[r].Select((value, i) => value is decimal number
                    ? new Cell { CellReference = $"{(char)('A' + i)}{r + 2}", CellValue = new CellValue(number) }
                    : new Cell { CellReference = $"{(char)('A' + i)}{r + 2}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text((string)value)) }))
                { RowIndex = (uint)(r + 2) });
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Lines" }));
        }

        return stream.ToArray();
    }
}
