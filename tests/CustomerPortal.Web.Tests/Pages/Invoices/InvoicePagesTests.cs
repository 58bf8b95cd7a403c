using System.Globalization;
using AngleSharp.Dom;
using CustomerPortal.Web.Tests.Pages.Orders;

namespace CustomerPortal.Web.Tests.Pages.Invoices;

// /Invoices and /Invoices/{number} (issue 12): whose invoices each persona sees, the filters, paging, the
// invoice page against the mirror, and the order page's links to its invoices.
public sealed class InvoicePagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly PortalTexts Text = PortalTexts.English;

    [Fact]
    public async Task RepresentativeSeesEveryInvoiceOfTheAccountNewestFirstAcrossPages()
    {
        var expected = Invoices(Personas.Representative).Select(i => i.Number).ToList();
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        var pages = await client.AllPagesAsync("/Invoices?size=10", Text["List.NextPage"]);

        Assert.True(expected.Count > 10, "The representative's invoices should need more than one page of 10.");
        Assert.True(pages.Count > 1);
        // Every invoice once, in order: no duplicates and no gaps across the pages.
        Assert.Equal(expected, pages.SelectMany(InvoiceNumbers));
    }

    [Theory]
    [InlineData(Personas.AuthorizedUser)]
    [InlineData(Personas.OtherCustomer)]
    public async Task OtherPersonasSeeExactlyTheirInvoices(string persona)
    {
        var expected = Invoices(persona).Select(i => i.Number).ToList();
        using var client = await portal.SignedInClientAsync(persona);

        var listed = (await client.AllPagesAsync("/Invoices?size=100", Text["List.NextPage"])).SelectMany(InvoiceNumbers).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task SearchFindsByInvoiceNumberAndByOrderNumber()
    {
        var invoices = Invoices(Personas.Representative);
        var one = invoices[invoices.Count / 2];
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        var byInvoice = InvoiceNumbers(await client.GetPageAsync("/Invoices?size=100&search=" + Uri.EscapeDataString(one.Number)));
        var byOrder = InvoiceNumbers(await client.GetPageAsync("/Invoices?size=100&search=" + Uri.EscapeDataString(one.OrderNumber)));

        Assert.Equal(invoices.Where(i => i.Number.Contains(one.Number, StringComparison.OrdinalIgnoreCase) || i.OrderNumber.Contains(one.Number, StringComparison.OrdinalIgnoreCase)).Select(i => i.Number), byInvoice);
        Assert.Contains(one.Number, byInvoice);
        Assert.Equal(invoices.Where(i => i.Number.Contains(one.OrderNumber, StringComparison.OrdinalIgnoreCase) || i.OrderNumber.Contains(one.OrderNumber, StringComparison.OrdinalIgnoreCase)).Select(i => i.Number), byOrder);
        Assert.Contains(one.Number, byOrder);
    }

    [Fact]
    public async Task DateFilterKeepsTheInvoicesOfThePeriodAndSortsOldestFirst()
    {
        var invoices = Invoices(Personas.Representative);
        var from = invoices[^1].Date.AddDays(1);
        var to = invoices[0].Date.AddDays(-1);
        var expected = invoices.Where(i => i.Date >= from && i.Date <= to)
            .OrderBy(i => i.Date).ThenBy(i => i.Number, StringComparer.Ordinal).Select(i => i.Number).ToList();
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        var pages = await client.AllPagesAsync($"/Invoices?size=10&sort=OldestFirst&from={Iso(from)}&to={Iso(to)}", Text["List.NextPage"]);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, pages.SelectMany(InvoiceNumbers));
    }

    [Fact]
    public async Task ReversedDatesAskForACorrectionInsteadOfAList()
    {
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        var (response, page) = await client.GetAsync("/Invoices?from=2026-10-01&to=2026-09-01");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Text["Validation.ToBeforeFrom"], page.QuerySelector("#to-error")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#invoice-list"));
    }

    [Fact]
    public async Task InvoicePageShowsTheMirrorsLinesAndTotals()
    {
        var invoice = Invoices(Personas.Representative)[0];
        var lines = portal.Mirror.Query(
            "SELECT extendedamount FROM invoicedetail WHERE upper(invoiceid) = upper($p0) ORDER BY sequencenumber",
            r => r.GetDecimal(0), invoice.Id);
        var (total, currency) = (invoice.Total, invoice.Currency);
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        var page = await client.GetPageAsync("/Invoices/" + invoice.Number);

        Assert.Equal(Text["Invoice.Title", invoice.Number], page.QuerySelector("main h1")!.TextContent.Trim());
        var amounts = page.QuerySelectorAll("#invoice-lines tbody tr td:last-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.NotEmpty(lines);
        Assert.Equal(lines.Select(a => currency.Format(a, Text.Culture)), amounts);
        Assert.Equal(currency.Format(total, Text.Culture), page.QuerySelector("#invoice-totals dd.grand-total")!.TextContent.Trim());
        Assert.Equal("/Orders/" + invoice.OrderNumber, page.QuerySelector("#invoice-order")!.GetAttribute("href"));
    }

    [Fact]
    public async Task OrderPageLinksToItsInvoices()
    {
        var invoice = Invoices(Personas.Representative)[0];
        var ofOrder = Invoices(Personas.Representative).Where(i => i.OrderNumber == invoice.OrderNumber).Select(i => "/Invoices/" + i.Number).Order(StringComparer.Ordinal);
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        var page = await client.GetPageAsync("/Orders/" + invoice.OrderNumber);

        var links = page.QuerySelectorAll("#order-invoices a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal);
        Assert.Equal(ofOrder, links);
    }

    [Fact]
    public async Task AnotherCustomersInvoiceAnswersNotFound()
    {
        var contoso = Invoices(Personas.Representative)[0].Number;
        var fabrikam = Invoices(Personas.OtherCustomer)[0].Number;
        using var contosoClient = await portal.SignedInClientAsync(Personas.Representative);
        using var fabrikamClient = await portal.SignedInClientAsync(Personas.OtherCustomer);

        if (!Invoices(Personas.Representative).Any(i => i.Number == fabrikam))
        {
            await OrderDetailsPageTests.AssertFriendlyNotFoundAsync(contosoClient, "/Invoices/" + fabrikam);
        }

        if (!Invoices(Personas.OtherCustomer).Any(i => i.Number == contoso))
        {
            await OrderDetailsPageTests.AssertFriendlyNotFoundAsync(fabrikamClient, "/Invoices/" + contoso);
        }

        await OrderDetailsPageTests.AssertFriendlyNotFoundAsync(contosoClient, "/Invoices/NO-SUCH-INVOICE");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await contosoClient.GetAsync("/Invoices/" + contoso)).Response.StatusCode);
    }

    [Fact]
    public async Task InvoicePagesReadInFrench()
    {
        var french = PortalTexts.French;
        var invoice = Invoices(Personas.Representative)[0];
        using var client = await portal.SignedInClientAsync(Personas.Representative, "fr-FR");

        var list = await client.GetPageAsync("/Invoices");
        var page = await client.GetPageAsync("/Invoices/" + invoice.Number);

        Assert.Equal("Factures", french["Invoices.Title"]);
        Assert.Equal(french["Invoices.Title"], list.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains(french["Invoice.Date"], HtmlTable.Headings(list.QuerySelector("#invoice-list")!));
        Assert.Equal(french["Invoice.Title", invoice.Number], page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains(list.QuerySelectorAll("nav a"), a => a.TextContent.Trim() == french["Nav.Invoices"]);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    public async Task InvoicePdfCarriesTheNumberTheLinesAndTheTotalInTheReadersLanguage(string culture)
    {
        var text = PortalTexts.For(culture);
        var invoice = Invoices(Personas.Representative)[0];
        var (total, currency) = (invoice.Total, invoice.Currency);
        var items = portal.Mirror.Query(
            "SELECT p.msdyn_productnumber FROM invoicedetail d JOIN product p ON upper(p.productid) = upper(d.productid) WHERE upper(d.invoiceid) = upper($p0) ORDER BY d.sequencenumber",
            r => r.GetString(0), invoice.Id);
        using var client = await portal.SignedInClientAsync(Personas.Representative, culture);
        var page = await client.GetPageAsync("/Invoices/" + invoice.Number);

        using var response = await client.Http.GetAsync(page.QuerySelector<AngleSharp.Html.Dom.IHtmlAnchorElement>("#invoice-pdf")!.GetAttribute("href"), Ct);
        var pdf = await PdfText.OfResponseAsync(response, Ct);

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(invoice.Number + ".pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl?.NoStore, "An invoice PDF must not be cached.");
        Assert.Contains(PdfText.Normalize(text["Invoice.Title", invoice.Number]), pdf, StringComparison.Ordinal);
        Assert.Contains(PdfText.Normalize(text["Invoice.Total"]), pdf, StringComparison.Ordinal);
        Assert.Contains(PdfText.Normalize(currency.Format(total, text.Culture)), pdf, StringComparison.Ordinal);
        Assert.Contains(PdfText.Normalize(text["Invoice.PaymentTerms"]), pdf, StringComparison.Ordinal);
        Assert.NotEmpty(items);
        Assert.All(items, item => Assert.Contains(item, pdf, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnotherCustomersInvoicePdfAnswersNotFound()
    {
        var fabrikam = Invoices(Personas.OtherCustomer)[0].Number;
        Assert.DoesNotContain(Invoices(Personas.Representative), i => i.Number == fabrikam);
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        using var foreign = await client.Http.GetAsync($"/Invoices/{fabrikam}?handler=Pdf", Ct);
        using var unknown = await client.Http.GetAsync("/Invoices/NO-SUCH-INVOICE?handler=Pdf", Ct);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private List<MirrorInvoice> Invoices(string persona) => portal.Mirror.InvoicesOf(persona);

    private static List<string> InvoiceNumbers(IDocument page) =>
        page.QuerySelectorAll("#invoice-list tbody tr a.invoice-link").Select(a => a.TextContent.Trim()).ToList();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

}
