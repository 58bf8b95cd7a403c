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
// Labels come from the resources and numbers, dates and money are written in the reader's culture; the
// amounts are in the invoice's currency. cdm_company has a name and a code only, so there is no sender address.
public sealed class InvoicePdf : IDisposable
{
    private const double PageWidth = 595.28; // A4, in points
    private const double PageHeight = 841.89;
    private const double Margin = 42;
    private const double ContentWidth = PageWidth - 2 * Margin;
    private const double FooterTop = PageHeight - Margin - 12; // rows stop above the page number
    private const double Padding = 3;

    private readonly XFont Title = new(InvoiceFonts.Family, 16, XFontStyleEx.Bold);
    private readonly XFont Heading = new(InvoiceFonts.Family, 12, XFontStyleEx.Bold);
    private readonly XFont Label = new(InvoiceFonts.Family, 8, XFontStyleEx.Bold);
    private readonly XFont Body = new(InvoiceFonts.Family, 9, XFontStyleEx.Regular);
    private readonly XFont Cell = new(InvoiceFonts.Family, 8, XFontStyleEx.Regular);
    private readonly XFont CellBold = new(InvoiceFonts.Family, 8, XFontStyleEx.Bold);
    private readonly XFont Total = new(InvoiceFonts.Family, 10, XFontStyleEx.Bold);
    private static readonly XBrush Ink = XBrushes.Black;
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(90, 90, 90));
    private static readonly XPen Rule = new(XColor.FromArgb(170, 170, 170), 0.5);

    private readonly Invoice _invoice;
    private readonly IStringLocalizer _text;
    private readonly CultureInfo _culture;
    private readonly PdfDocument _document = new();
    private readonly (string Label, double Width, bool Right)[] _columns;
    private XGraphics _page = default!;
    private double _y;

    private InvoicePdf(Invoice invoice, IStringLocalizer text, CultureInfo culture)
    {
        _invoice = invoice;
        _text = text;
        _culture = culture;
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
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            using var pdf = new InvoicePdf(invoice, text, culture);
            return pdf.Render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public void Dispose()
    {
        _page?.Dispose();
        _document.Dispose();
    }

    private byte[] Render()
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
        NumberPages();

        using var stream = new MemoryStream();
        _document.Save(stream, false);
        return stream.ToArray();
    }

    // The first page opens with the legal entity and the title; later ones with a one-line reminder.
    private void NewPage()
    {
        _page?.Dispose();
        _page = XGraphics.FromPdfPage(_document.AddPage());
        _y = Margin;
        var title = _text["Invoice.Title", _invoice.InvoiceNumber].Value;
        if (_document.PageCount == 1)
        {
            _page.DrawString(_invoice.LegalEntity.Name, Heading, Ink, new XRect(Margin, _y, ContentWidth / 2, 16), XStringFormats.TopLeft);
            _page.DrawString(_invoice.LegalEntity.Code, Body, Muted, new XRect(Margin, _y + 17, ContentWidth / 2, 12), XStringFormats.TopLeft);
            _page.DrawString(title, Title, Ink, new XRect(Margin + ContentWidth / 2, _y, ContentWidth / 2, 20), XStringFormats.TopRight);
            _y += 44;
        }
        else
        {
            _page.DrawString(title, Label, Ink, new XRect(Margin, _y, ContentWidth / 2, 12), XStringFormats.TopLeft);
            _page.DrawString(_invoice.LegalEntity.Name, Label, Muted, new XRect(Margin + ContentWidth / 2, _y, ContentWidth / 2, 12), XStringFormats.TopRight);
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
        var labelWidth = Math.Min(facts.Max(f => _page.MeasureString(f.Label, Label).Width) + 10, half / 2);
        foreach (var (label, value) in facts)
        {
            _page.DrawString(label, Label, Muted, new XRect(factsX, right, labelWidth, 12), XStringFormats.TopLeft);
            foreach (var line in Wrap(value, Body, half - labelWidth))
            {
                _page.DrawString(line, Body, Ink, new XRect(factsX + labelWidth, right, half - labelWidth, 12), XStringFormats.TopLeft);
                right += 12;
            }

            right += 2;
        }

        _y = Math.Max(left, right) + 18;
    }

    private double Block(double x, double y, double width, string label, IEnumerable<string> lines)
    {
        _page.DrawString(label, Label, Muted, new XRect(x, y, width, 12), XStringFormats.TopLeft);
        y += 12;
        foreach (var line in lines.SelectMany(l => Wrap(l, Body, width)))
        {
            _page.DrawString(line, Body, Ink, new XRect(x, y, width, 12), XStringFormats.TopLeft);
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
                _page.DrawString(text, font, Ink, new XRect(x + Padding, y, width - 2 * Padding, lineHeight), right ? XStringFormats.TopRight : XStringFormats.TopLeft);
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
            _page.DrawString(label, Body, Ink, new XRect(x, _y, Width / 2, 12), XStringFormats.TopLeft);
            _page.DrawString(Money(amount), Body, Ink, new XRect(x + Width / 2, _y, Width / 2, 12), XStringFormats.TopRight);
            _y += 14;
        }

        _page.DrawLine(XPens.Black, x, _y, x + Width, _y);
        _y += 4;
        _page.DrawString(_text["Invoice.Total"], Total, Ink, new XRect(x, _y, Width / 2, 14), XStringFormats.TopLeft);
        _page.DrawString(Money(_invoice.TotalAmount), Total, Ink, new XRect(x + Width / 2, _y, Width / 2, 14), XStringFormats.TopRight);
    }

    // "Page n of m" needs m, so the numbers go on once every page exists.
    private void NumberPages()
    {
        _page.Dispose();
        _page = default!;
        for (var i = 0; i < _document.PageCount; i++)
        {
            using var page = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var text = $"{_invoice.InvoiceNumber} · {_text["InvoicePdf.Page", i + 1, _document.PageCount]}";
            page.DrawString(text, Cell, Muted, new XRect(Margin, PageHeight - Margin - 10, ContentWidth, 10), XStringFormats.TopCenter);
        }
    }

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

        bool Fits(string candidate) => _page.MeasureString(candidate, font).Width <= width;
    }
}
