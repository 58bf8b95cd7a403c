using System.Globalization;
using CustomerPortal.Core;
using CustomerPortal.Core.Invoices;
using CustomerPortal.Web.Pages.Invoices;
using PdfSharp.Pdf.IO;

namespace CustomerPortal.Web.Tests.Pages.Invoices;

// The PDF's layout on an invoice longer than a page: the lines go on over further pages under a repeated
// table header, none is lost, and the totals and page numbers close it.
// Alone, not beside other test classes. In three full CI runs pdftotext read the whole invoice but no
// "Page n of m" footer when it was appended to each finished page in a second content stream; it is now
// drawn in each page's own pass, with the page count from a first layout pass.
[Collection(nameof(InvoicePdfLayoutTests))]
public sealed class InvoicePdfLayoutTests
{
    [Fact]
    public async Task ALongInvoiceWrapsOntoFurtherPagesWithTheTableHeaderRepeated()
    {
        InvoiceFonts.Register();
        var text = PortalTexts.English;
        var currency = new Currency("EUR", "€", 2);
        var lines = Enumerable.Range(1, 90).Select(n => new InvoiceLine(Guid.NewGuid(), n, $"ITEM-{n:000}", $"Product number {n} with a name long enough to wrap",
            null, n, "ea", 0, 10m, 0m, 2m, n * 10m)).ToList();
        var invoice = new Invoice(Guid.NewGuid(), "USMF-CIV-0000099", new DateOnly(2026, 10, 30), Guid.NewGuid(), "SO-0000099", "PO-99", "US-0001",
            "Contoso Retail", new LegalEntity(Guid.NewGuid(), "USMF", "Contoso Entertainment System USA"), "Contoso Retail",
            new PostalAddress("1 Main Street", null, "Seattle", "WA", "98052", "United States"), "Net30", currency, 0m, 25m, 180m, lines.Sum(l => l.LineAmount) + 205m, lines);

        // Rendered on a thread whose region is the United States, where PDFsharp's own default page is US Letter:
        // the invoice stays A4, so the page numbers at its foot stay on the page.
        var threadCulture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        byte[] pdf;
        try
        {
            pdf = InvoicePdf.Render(invoice, PortalLocalizer.Create(), CultureInfo.GetCultureInfo("en-US"));
        }
        finally
        {
            CultureInfo.CurrentCulture = threadCulture;
        }

        var content = await PdfText.OfPdfAsync(pdf, TestContext.Current.CancellationToken);

        // The page count from the document itself; the text must then carry the table header once per page.
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var pages = document.PageCount;
        Assert.All(Enumerable.Range(0, pages), i => Assert.Equal(841.89, document.Pages[i].Height.Point, 1));
        Assert.True(pages >= 3, $"90 two-line rows should need at least three pages, not {pages}.");
        Assert.Equal(pages, content.Split(PdfText.Normalize(text["Line.UnitPrice"]), StringSplitOptions.None).Length - 1);
        Assert.All(lines, l => Assert.Contains(l.ItemNumber, content, StringComparison.Ordinal));
        Assert.Contains(PdfText.Normalize(MoneyText(invoice.TotalAmount)), content, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(1, pages), n => Assert.True(content.Contains(PdfText.Normalize(text["InvoicePdf.Page", n, pages]), StringComparison.Ordinal),
            $"No footer \"{text["InvoicePdf.Page", n, pages]}\" in what pdftotext read, which ends: {content[Math.Max(0, content.Length - 400)..]}"));
    }

    // Korean needs a typeface with Hangul (DejaVu Sans has none: the text would come out as empty boxes).
    // The ko-KR labels are the translators' (SharedResource.ko-KR.resx); the names here are Hangul of the test's own.
    [Theory]
    [InlineData("ko-KR")]
    [InlineData("fr-FR")]
    public async Task HangulIsDrawnWithAKoreanTypefaceAndReadBack(string culture)
    {
        InvoiceFonts.Register();
        var won = new Currency("KRW", "₩", 2);
        var lines = new List<InvoiceLine>
        {
            new(Guid.NewGuid(), 1, "KR-001", "사무용 의자", "인체공학 사무용 의자", 2, "ea", 0, 150000m, 0m, 30000m, 300000m),
        };
        var invoice = new Invoice(Guid.NewGuid(), "KRSI-CIV-0000001", new DateOnly(2026, 10, 30), Guid.NewGuid(), "SO-0000101", "발주-7", "KR-0001",
            "주식회사 한빛상사", new LegalEntity(Guid.NewGuid(), "KRSI", "콘토소 코리아"), "한빛상사 경리부",
            new PostalAddress("세종대로 110", null, "서울특별시", null, "04524", "대한민국"), "Net30", won, 0m, 0m, 30000m, 330000m, lines);

        var pdf = InvoicePdf.Render(invoice, PortalLocalizer.Create(), CultureInfo.GetCultureInfo(culture));
        var content = await PdfText.OfPdfAsync(pdf, TestContext.Current.CancellationToken);

        Assert.All(new[] { "주식회사 한빛상사", "콘토소 코리아", "한빛상사 경리부", "사무용 의자", "서울특별시" },
            hangul => Assert.Contains(hangul, content, StringComparison.Ordinal));
        // Won without decimals, whatever the culture.
        Assert.Contains(PdfText.Normalize(new MirrorCurrency("KRW", "₩", 0).Format(330000m, CultureInfo.GetCultureInfo(culture))), content, StringComparison.Ordinal);
        Assert.Contains(PdfText.Normalize(PortalTexts.For(culture)["InvoicePdf.Page", 1, 1]), content, StringComparison.Ordinal);
    }

    private static string MoneyText(decimal amount) => new MirrorCurrency("EUR", "€", 2).Format(amount, CultureInfo.GetCultureInfo("en-US"));
}

[CollectionDefinition(nameof(InvoicePdfLayoutTests), DisableParallelization = true)]
public sealed class InvoicePdfLayoutRunsAlone;

