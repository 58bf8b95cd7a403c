using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CustomerPortal.Web.Ordering;

// An uploaded file of order lines: a CSV (comma, semicolon or tab, as the header line uses) or an Excel
// workbook's first sheet. The columns are found by their header, in any order, in English or French, so
// a buyer's own export works without editing. Quantities are read in the user's culture (then the
// invariant one, as quick entry does); Excel's numeric cells are numbers already.
public static class OrderUpload
{
    public const int MaxFileBytes = 1024 * 1024;
    public const int MaxLines = 500;

    // Compared without case, accents, spaces or punctuation: "Numéro d'article" is "numerodarticle".
    public static readonly IReadOnlyList<string> ItemHeaders = ["item number", "itemnumber", "item", "product number", "productnumber", "article", "numéro d'article", "référence"];
    public static readonly IReadOnlyList<string> QuantityHeaders = ["quantity", "qty", "quantité", "qté"];

    private static readonly char[] Delimiters = ['\t', ';', ','];

    private static readonly HashSet<string> ItemKeys = [.. ItemHeaders.Select(Key)];
    private static readonly HashSet<string> QuantityKeys = [.. QuantityHeaders.Select(Key)];

    public static UploadRead Read(Stream file, string? fileName, long length, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (length <= 0)
        {
            return new UploadRead(UploadRefusal.Empty, []);
        }

        if (length > MaxFileBytes)
        {
            return new UploadRead(UploadRefusal.TooBig, []);
        }

        var extension = Path.GetExtension(fileName ?? "").ToUpperInvariant();
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        if (buffer.Length > MaxFileBytes)
        {
            return new UploadRead(UploadRefusal.TooBig, []);
        }

        buffer.Position = 0;
        var rows = extension switch
        {
            ".CSV" or ".TXT" => CsvRows(buffer.ToArray()),
            ".XLSX" => WorkbookRows(buffer),
            _ => null,
        };
        if (rows is null)
        {
            return new UploadRead(extension is ".CSV" or ".TXT" or ".XLSX" ? UploadRefusal.Unreadable : UploadRefusal.WrongType, []);
        }

        return Lines(rows, culture);
    }

    // Row numbers are the file's own (the header is row 1), so the report points at what the user sees.
    private static UploadRead Lines(IReadOnlyList<(int Row, string[] Cells)> rows, CultureInfo culture)
    {
        var header = rows.FirstOrDefault(r => r.Cells.Any(c => c.Length > 0));
        var item = header.Cells is null ? -1 : Array.FindIndex(header.Cells, c => ItemKeys.Contains(Key(c)));
        var quantity = header.Cells is null ? -1 : Array.FindIndex(header.Cells, c => QuantityKeys.Contains(Key(c)));
        if (item < 0 || quantity < 0)
        {
            return new UploadRead(UploadRefusal.NoHeader, []);
        }

        var lines = new List<QuickEntryLine>();
        foreach (var (row, cells) in rows.SkipWhile(r => r.Row != header.Row).Skip(1))
        {
            var itemNumber = item < cells.Length ? cells[item].Trim() : "";
            var quantityText = quantity < cells.Length ? cells[quantity].Trim() : "";
            if (itemNumber.Length == 0 && quantityText.Length == 0)
            {
                continue;
            }

            if (lines.Count == MaxLines)
            {
                return new UploadRead(UploadRefusal.TooManyLines, []);
            }

            // Text is what the file says for the quantity: the item is ItemNumber.
            lines.Add(itemNumber.Length == 0
                ? new QuickEntryLine(row, quantityText, null, null, QuickEntryProblem.NotUnderstood)
                : QuickEntry.ParseQuantity(quantityText, culture) is { } value
                    ? new QuickEntryLine(row, quantityText, itemNumber, value, null)
                    : new QuickEntryLine(row, quantityText, itemNumber, null, QuickEntryProblem.QuantityNotUnderstood));
        }

        return lines.Count == 0 ? new UploadRead(UploadRefusal.Empty, []) : new UploadRead(null, lines);
    }

    private static string Key(string header)
    {
        var key = new StringBuilder();
        foreach (var c in header.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    private static List<(int Row, string[] Cells)>? CsvRows(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Excel on Windows saves "CSV" in the ANSI code page; Latin-1 reads its letters and digits.
            text = Encoding.Latin1.GetString(bytes);
        }

        text = text.TrimStart('\uFEFF');
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var lines = text.Split('\n');
        var headerLine = lines.FirstOrDefault(l => l.Trim().Length > 0) ?? "";
        var delimiter = Delimiters.MaxBy(d => headerLine.Count(c => c == d));
        return [.. lines.Select((line, index) => (index + 1, SplitCsvLine(line.TrimEnd('\r'), delimiter)))];
    }

    // One line of RFC 4180: a quoted field may hold the delimiter ("1,5" in a comma file) and doubled quotes.
    private static string[] SplitCsvLine(string line, char delimiter)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }

    // The first sheet's rows. A file that is not a workbook, or one whose parts unpack to more than the
    // cap (a "zip bomb"), is unreadable.
    private static List<(int Row, string[] Cells)>? WorkbookRows(MemoryStream file)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(file, false, new OpenSettings { MaxCharactersInPart = 20 * MaxFileBytes });
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart worksheet)
            {
                return null;
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var rows = new List<(int Row, string[] Cells)>();
            foreach (var row in worksheet.Worksheet.Descendants<Row>())
            {
                var rowNumber = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    if (column < 0 || column > 100)
                    {
                        continue;
                    }

                    while (cells.Count <= column)
                    {
                        cells.Add("");
                    }

                    cells[column] = CellText(cell, shared);
                }

                rows.Add((rowNumber, [.. cells]));
                if (rows.Count > MaxLines + 50)
                {
                    break;
                }
            }

            return rows;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The SDK throws a variety of exceptions for a damaged package, part or XML: all mean "not a workbook we can read".
            return null;
        }
    }

    // Numbers are stored invariantly in the file; written back in the invariant culture too, which the
    // quantity reader accepts whatever the user's culture.
    private static string CellText(Cell cell, List<string> shared)
    {
        var value = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : "";
        }

        return cell.DataType is null || cell.DataType.Value == CellValues.Number
            ? decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number.ToString(CultureInfo.InvariantCulture)
                : value
            : value;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > 1000)
            {
                break;
            }
        }

        return index - 1;
    }
}

public sealed record UploadRead(UploadRefusal? Refusal, IReadOnlyList<QuickEntryLine> Lines);

public enum UploadRefusal
{
    Empty = 1,
    TooBig = 2,
    WrongType = 3,
    Unreadable = 4,
    NoHeader = 5,
    TooManyLines = 6,
}
