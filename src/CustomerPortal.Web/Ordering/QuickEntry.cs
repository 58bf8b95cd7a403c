using System.Globalization;

namespace CustomerPortal.Web.Ordering;

// Pasted order lines, one "item number, quantity" per line. The separator is the first comma,
// semicolon or tab, so a spreadsheet column pair pastes as it is and "A00012, 1,5" still reads as
// one and a half in a culture that writes decimals with a comma.
public static class QuickEntry
{
    public const int MaxLines = Core.Ordering.OrderingRules.MaxLines;
    public const int MaxTextLength = 20_000;

    // Non-blank lines: what MaxLines limits.
    public static int CountLines(string text) => text.Split('\n').Count(line => !string.IsNullOrWhiteSpace(line));

    public static IReadOnlyList<QuickEntryLine> Parse(string? text, CultureInfo culture)
    {
        var lines = new List<QuickEntryLine>();
        var number = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var separator = line.IndexOfAny([',', ';', '\t']);
            if (separator <= 0)
            {
                lines.Add(new QuickEntryLine(number, line, null, null, QuickEntryProblem.NotUnderstood));
                continue;
            }

            var itemNumber = line[..separator].Trim();
            var quantityText = line[(separator + 1)..].Trim();
            lines.Add(ParseQuantity(quantityText, culture) is { } quantity
                ? new QuickEntryLine(number, line, itemNumber, quantity, null)
                : new QuickEntryLine(number, line, itemNumber, null, QuickEntryProblem.QuantityNotUnderstood));
        }

        return lines;
    }

    // The reader's culture first, then the invariant one: "1.5" is understood everywhere, "1,5" where it is a decimal.
    public static decimal? ParseQuantity(string text, CultureInfo culture)
    {
        const NumberStyles style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;
        return decimal.TryParse(text, style, culture, out var value) || decimal.TryParse(text, style, CultureInfo.InvariantCulture, out value)
            ? value
            : null;
    }
}

// LineNumber counts every pasted line, blank ones included, so the report matches what the user sees.
public sealed record QuickEntryLine(int LineNumber, string Text, string? ItemNumber, decimal? Quantity, QuickEntryProblem? Problem);

public enum QuickEntryProblem
{
    NotUnderstood = 1,
    QuantityNotUnderstood = 2,
    UnknownItem = 3,
    NotOrderable = 4,
    InvalidQuantity = 5,
    TooManyLines = 6,
}
