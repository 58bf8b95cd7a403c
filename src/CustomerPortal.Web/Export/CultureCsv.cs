using System.Globalization;
using System.Text;

namespace CustomerPortal.Web.Export;

// A CSV file written for a spreadsheet in the reader's culture, shared by the order and invoice exports:
// the culture's list separator (';' in fr-FR, where the comma is the decimal separator), its decimals and
// short dates, and a UTF-8 byte-order mark so Excel reads accented names right. Fields are quoted per
// RFC 4180 when needed, and a text field that starts like a formula gets an apostrophe so a spreadsheet
// never runs it; numbers and dates are written by the portal itself and need no such guard.
public sealed class CultureCsv(CultureInfo culture)
{
    private readonly StringBuilder _text = new();
    private readonly string _separator = SeparatorOf(culture);
    private bool _rowStarted;

    public string Separator => _separator;

    public CultureCsv Row(IEnumerable<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var header in headers)
        {
            Text(header);
        }

        return EndRow();
    }

    public CultureCsv Text(string? value) => Field(Guard(value));

    // Without group separators, so a spreadsheet reads it as a number.
    public CultureCsv Number(decimal value, int decimals) =>
        Field(value.ToString("F" + Math.Clamp(decimals, 0, 10).ToString(CultureInfo.InvariantCulture), culture));

    public CultureCsv Date(DateOnly? value) => Field(value?.ToString("d", culture));

    public CultureCsv EndRow()
    {
        _text.Append("\r\n");
        _rowStarted = false;
        return this;
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    public override string ToString() => _text.ToString();

    // A spreadsheet would run a cell that starts with one of these as a formula.
    public static string Guard(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    // The culture's own list separator, unless it is missing or clashes with its decimal separator.
    internal static string SeparatorOf(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var separator = culture.TextInfo.ListSeparator.Trim();
        return separator.Length == 1 && separator != culture.NumberFormat.NumberDecimalSeparator
            ? separator
            : culture.NumberFormat.NumberDecimalSeparator == "," ? ";" : ",";
    }

    private CultureCsv Field(string? value)
    {
        if (_rowStarted)
        {
            _text.Append(_separator);
        }

        _rowStarted = true;
        value ??= "";
        var needsQuotes = value.Contains(_separator, StringComparison.Ordinal) || value.AsSpan().IndexOfAny("\"\r\n") >= 0;
        _text.Append(needsQuotes ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value);
        return this;
    }
}
