using System.Globalization;
using CustomerPortal.Core.Invoices;
using CustomerPortal.Web.Localization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CustomerPortal.Web.Pages.Invoices;

// An invoice as a PDF, laid out by hand with PDFsharp's XGraphics on A4: the legal entity and the title,
// the customer and bill-to address beside the invoice facts, the lines (continued on further pages under
// a repeated table header when they do not fit), the totals, and "page n of m" at the foot of every page.
// Labels come from the resources and numbers, dates and money are written in the reader's culture (in
// NanumSquare for Korean, see InvoiceFonts); the
// amounts are in the invoice's currency. cdm_company has a name and a code only, so there is no sender address.
public sealed class InvoicePdf : IDisposable
{
    private const double PageWidth = 595.28; // A4, in points
    private const double PageHeight = 841.89;
    private const double Margin = 42;
    private const double ContentWidth = PageWidth - 2 * Margin;
    private const double FooterTop = PageHeight - Margin - 12; // rows stop above the page number
    private const double Padding = 3;

    private readonly XFont Title;
    private readonly XFont Heading;
    private readonly XFont Label;
    private readonly XFont Body;
    private readonly XFont Cell;
    private readonly XFont CellBold;
    private readonly XFont Total;
    private static readonly XBrush Ink = XBrushes.Black;
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(90, 90, 90));
    private static readonly XPen Rule = new(XColor.FromArgb(170, 170, 170), 0.5);

    private readonly Invoice _invoice;
    private readonly IStringLocalizer _text;
    private readonly CultureInfo _culture;
    private readonly PdfDocument _document = new();
    private readonly (string Label, double Width, bool Right)[] _columns;
    private readonly int? _pageCount;
    private XGraphics _page = default!;
    private double _y;

    // pageCount: known on the second of the two passes (see Render), which writes "page n of m".
    private InvoicePdf(Invoice invoice, IStringLocalizer text, CultureInfo culture, int? pageCount)
    {
        _invoice = invoice;
        _text = text;
        _culture = culture;
        _pageCount = pageCount;
        var family = InvoiceFonts.FamilyFor(culture);
        Title = new(family, 16, XFontStyleEx.Bold);
        Heading = new(family, 12, XFontStyleEx.Bold);
        Label = new(family, 8, XFontStyleEx.Bold);
        Body = new(family, 9, XFontStyleEx.Regular);
        Cell = new(family, 8, XFontStyleEx.Regular);
        CellBold = new(family, 8, XFontStyleEx.Bold);
        Total = new(family, 10, XFontStyleEx.Bold);
        // The widths add up to ContentWidth; the product column takes what the numbers leave.
        _columns =
        [
            (text["Line.Item"], 62, false),
            (text["Line.Product"], 131, false),
            (text["Line.Quantity"], 46, true),
            (text["Line.Unit"], 34, false),
            (text["Line.UnitPrice"], 64, true),
            (text["Line.Discount"], 56, true),
            (text["Invoice.LineTax"], 52, true),
            (text["Line.Amount"], 66, true),
        ];
    }

    public static byte[] Render(Invoice invoice, IStringLocalizer text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(culture);

        // The labels come from a localizer that reads the current UI culture; the caller names the culture, so
        // the labels follow it even where the thread's culture is another (a background job, a test).
        using var reader = CultureScope.Use(culture);

        // "Page n of m" is written on each page while that page is drawn, so it needs m first: a first
        // pass lays the invoice out only to count its pages. (Appending the numbers to finished pages
        // afterwards left a second content stream that pdftotext sometimes did not read.)
        int pages;
        using (var layout = new InvoicePdf(invoice, text, culture, pageCount: null))
        {
            layout.Draw();
            pages = layout._document.PageCount;
        }

        using var pdf = new InvoicePdf(invoice, text, culture, pages);
        pdf.Draw();
        using var stream = new MemoryStream();
        pdf._document.Save(stream, false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _page?.Dispose();
        _document.Dispose();
    }

    private void Draw()
    {
        _document.Info.Title = _text["Invoice.Title", _invoice.InvoiceNumber];
        _document.Info.Author = _invoice.LegalEntity.Name;

        NewPage();
        WriteParties();
        WriteTableHeader();
        foreach (var line in _invoice.Lines)
        {
            WriteLine(line);
        }

        WriteTotals();
        NumberPage();
        _page.Dispose();
        _page = default!;
    }

    // The first page opens with the legal entity and the title; later ones with a one-line reminder.
    private void NewPage()
    {
        if (_page is not null)
        {
            NumberPage();
        }

        _page?.Dispose();
        // PDFsharp sizes a new page by the thread's region (US Letter under en-US, A4 elsewhere); the layout is A4's,
        // so a Letter page cut off the page numbers at its foot.
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _page = XGraphics.FromPdfPage(page);
        _y = Margin;
        var title = _text["Invoice.Title", _invoice.InvoiceNumber].Value;
        if (_document.PageCount == 1)
        {
            Draw(_invoice.LegalEntity.Name, Heading, Ink, new XRect(Margin, _y, ContentWidth / 2, 16), XStringFormats.TopLeft);
            Draw(_invoice.LegalEntity.Code, Body, Muted, new XRect(Margin, _y + 17, ContentWidth / 2, 12), XStringFormats.TopLeft);
            Draw(title, Title, Ink, new XRect(Margin + ContentWidth / 2, _y, ContentWidth / 2, 20), XStringFormats.TopRight);
            _y += 44;
        }
        else
        {
            Draw(title, Label, Ink, new XRect(Margin, _y, ContentWidth / 2, 12), XStringFormats.TopLeft);
            Draw(_invoice.LegalEntity.Name, Label, Muted, new XRect(Margin + ContentWidth / 2, _y, ContentWidth / 2, 12), XStringFormats.TopRight);
            _y += 20;
        }
    }

    // Left: who is billed, and where. Right: the invoice's facts as label/value pairs.
    private void WriteParties()
    {
        var half = ContentWidth / 2 - 10;
        var left = _y;
        left = Block(Margin, left, half, _text["Account.Customer"], [_invoice.CustomerName, _text["InvoicePdf.Labelled", _text["Account.Number"], _invoice.CustomerAccountNumber]]);
        left = Block(Margin, left + 8, half, _text["Invoice.BillTo"],
            [.. new[] { _invoice.BillToName }.Where(n => !string.IsNullOrWhiteSpace(n)).Cast<string>(), .. _invoice.BillTo.Lines()]);

        var right = _y;
        var factsX = Margin + ContentWidth / 2 + 10;
        (string Label, string Value)[] facts =
        [
            (_text["Invoice.Number"], _invoice.InvoiceNumber),
            (_text["Invoice.Date"], _invoice.InvoiceDate.ToString("d", _culture)),
            (_text["Invoice.PaymentTerms"], string.IsNullOrWhiteSpace(_invoice.PaymentTerms) ? "—" : _invoice.PaymentTerms),
            (_text["Invoice.Order"], _invoice.OrderNumber),
            (_text["Order.CustomerReference"], _invoice.CustomerReference ?? "—"),
            (_text["Invoice.Currency"], _invoice.Currency.IsoCode),
        ];
        // The labels' column is as wide as the longest label (French ones are longer), the values take the rest.
        var labelWidth = Math.Min(facts.Max(f => _page.MeasureString(f.Label, FontFor(f.Label, Label)).Width) + 10, half / 2);
        foreach (var (label, value) in facts)
        {
            Draw(label, Label, Muted, new XRect(factsX, right, labelWidth, 12), XStringFormats.TopLeft);
            foreach (var line in Wrap(value, Body, half - labelWidth))
            {
                Draw(line, Body, Ink, new XRect(factsX + labelWidth, right, half - labelWidth, 12), XStringFormats.TopLeft);
                right += 12;
            }

            right += 2;
        }

        _y = Math.Max(left, right) + 18;
    }

    private double Block(double x, double y, double width, string label, IEnumerable<string> lines)
    {
        Draw(label, Label, Muted, new XRect(x, y, width, 12), XStringFormats.TopLeft);
        y += 12;
        foreach (var line in lines.SelectMany(l => Wrap(l, Body, width)))
        {
            Draw(line, Body, Ink, new XRect(x, y, width, 12), XStringFormats.TopLeft);
            y += 12;
        }

        return y;
    }

    private void WriteTableHeader() =>
        WriteRow([.. _columns.Select(c => c.Label)], CellBold, ruleBelow: true);

    private void WriteLine(InvoiceLine line)
    {
        var product = string.IsNullOrWhiteSpace(line.Description) || line.Description == line.ProductName
            ? line.ProductName
            : line.ProductName + "\n" + line.Description;
        string[] cells =
        [
            string.IsNullOrEmpty(line.ItemNumber) ? "—" : line.ItemNumber,
            product,
            line.Quantity.ToString("N" + Math.Clamp(line.QuantityDecimals, 0, 10).ToString(CultureInfo.InvariantCulture), _culture),
            line.Unit,
            Money(line.UnitPrice),
            line.DiscountAmount == 0 ? "—" : Money(line.DiscountAmount),
            Money(line.Tax),
            Money(line.LineAmount),
        ];
        WriteRow(cells, Cell, ruleBelow: false);
    }

    // One table row, every cell wrapped to its column; a row that does not fit starts a new page, which
    // repeats the table header first.
    private void WriteRow(string[] cells, XFont font, bool ruleBelow)
    {
        var wrapped = cells.Select((text, i) => Wrap(text, font, _columns[i].Width - 2 * Padding)).ToArray();
        var lineHeight = font.GetHeight();
        var height = wrapped.Max(lines => lines.Count) * lineHeight + 2 * Padding;
        if (_y + height > FooterTop)
        {
            NewPage();
            WriteTableHeader();
        }

        var x = Margin;
        for (var i = 0; i < cells.Length; i++)
        {
            var (_, width, right) = _columns[i];
            var y = _y + Padding;
            foreach (var text in wrapped[i])
            {
                Draw(text, font, Ink, new XRect(x + Padding, y, width - 2 * Padding, lineHeight), right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                y += lineHeight;
            }

            x += width;
        }

        _y += height;
        _page.DrawLine(ruleBelow ? XPens.Black : Rule, Margin, _y, Margin + ContentWidth, _y);
    }

    // Totals as on the invoice page: the discount is already inside the line amounts, shown for information.
    private void WriteTotals()
    {
        (string Label, decimal Amount)[] rows =
        [
            (_text["Order.LinesTotal"], _invoice.LineTotal),
            (_text["Order.Discount"], _invoice.DiscountAmount == 0 ? 0 : -_invoice.DiscountAmount),
            (_text["Order.Freight"], _invoice.FreightAmount),
            (_text["Order.Tax"], _invoice.TaxAmount),
        ];
        const double Width = 230;
        var x = Margin + ContentWidth - Width;
        if (_y + 12 + rows.Length * 14 + 22 > FooterTop)
        {
            NewPage();
        }

        _y += 12;
        foreach (var (label, amount) in rows)
        {
            Draw(label, Body, Ink, new XRect(x, _y, Width / 2, 12), XStringFormats.TopLeft);
            Draw(Money(amount), Body, Ink, new XRect(x + Width / 2, _y, Width / 2, 12), XStringFormats.TopRight);
            _y += 14;
        }

        _page.DrawLine(XPens.Black, x, _y, x + Width, _y);
        _y += 4;
        Draw(_text["Invoice.Total"], Total, Ink, new XRect(x, _y, Width / 2, 14), XStringFormats.TopLeft);
        Draw(Money(_invoice.TotalAmount), Total, Ink, new XRect(x + Width / 2, _y, Width / 2, 14), XStringFormats.TopRight);
    }

    // The current page's "page n of m", in the page's own content (nothing on the counting pass).
    private void NumberPage()
    {
        if (_pageCount is not { } count)
        {
            return;
        }

        var text = $"{_invoice.InvoiceNumber} · {_text["InvoicePdf.Page", _document.PageCount, count]}";
        Draw(text, Cell, Muted, new XRect(Margin, PageHeight - Margin - 10, ContentWidth, 10), XStringFormats.TopCenter);
    }

    // Every string goes through here: one with Hangul (a Korean customer's name on a French invoice, say)
    // is drawn in the Korean typeface when the invoice's own has no glyphs for it.
    private void Draw(string text, XFont font, XBrush brush, XRect box, XStringFormat format) =>
        _page.DrawString(text, FontFor(text, font), brush, box, format);

    private static XFont FontFor(string text, XFont font) =>
        font.FontFamily.Name != InvoiceFonts.KoreanFamily && InvoiceFonts.NeedsKoreanFont(text)
            ? new XFont(InvoiceFonts.KoreanFamily, font.Size, font.Style)
            : font;

    private string Money(decimal amount) => MoneyFormatter.Format(amount, _invoice.Currency, _culture);

    // Greedy word wrap within a width; a word wider than the column is cut where it no longer fits.
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Fits(candidate))
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (!Fits(line) && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && !Fits(line[..cut]))
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;

        bool Fits(string candidate) => _page.MeasureString(candidate, FontFor(candidate, font)).Width <= width;
    }
}
