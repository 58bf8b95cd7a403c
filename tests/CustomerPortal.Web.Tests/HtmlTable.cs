using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace CustomerPortal.Web.Tests;

// Reads a rendered data table the way a desktop user sees it: cells by their column heading, with the
// narrow-screen duplicates (the "d-sm-none"/"d-md-none"… details folded into another cell) left out.
public static partial class HtmlTable
{
    private const string NarrowScreenOnly = ".d-sm-none, .d-md-none, .d-lg-none, .d-xl-none, .d-xxl-none";

    public static IReadOnlyList<string> Headings(IElement table) =>
        table.QuerySelectorAll("thead th").Select(DesktopText).ToList();

    public static IReadOnlyList<IReadOnlyDictionary<string, IElement>> Rows(IElement table)
    {
        var headings = Headings(table);
        return table.QuerySelectorAll("tbody tr")
            .Select(row =>
            {
                var cells = row.QuerySelectorAll("td").ToList();
                Assert.Equal(headings.Count, cells.Count);
                return (IReadOnlyDictionary<string, IElement>)headings.Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            })
            .ToList();
    }

    // Text of an element without the parts only narrow screens show, source indentation collapsed
    // (no-break spaces are kept: they are part of how French writes amounts).
    public static string DesktopText(IElement element)
    {
        var copy = (IElement)element.Clone(deep: true);
        foreach (var hidden in copy.QuerySelectorAll(NarrowScreenOnly).ToList())
        {
            hidden.Remove();
        }

        return Whitespace().Replace(copy.TextContent, " ").Trim(' ');
    }

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Whitespace();
}
