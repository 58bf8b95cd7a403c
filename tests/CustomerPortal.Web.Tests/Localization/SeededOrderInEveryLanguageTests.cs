using System.Globalization;
using AngleSharp.Dom;
using CustomerPortal.Web.Localization;

namespace CustomerPortal.Web.Tests.Localization;

// Issue 17, "done when": in each language the portal speaks, a seeded order's date, total and status read as
// that language writes them, on the order list and on the order's page. Expectations come from the mirror
// (the seeded values), the culture's own formats and the culture's resx, never from a rendered page.
public sealed class SeededOrderInEveryLanguageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string CultureCookie = ".AspNetCore.Culture";

    public static TheoryData<string> Cultures => [.. PortalCultures.Supported.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task ASeededOrdersDateTotalAndStatusAreWrittenTheWayTheLanguageWritesThem(string cultureName)
    {
        var resx = Path.Combine(PortalTexts.ResourceDirectory, $"SharedResource.{cultureName}.resx");
        Assert.True(cultureName == PortalCultures.Default || File.Exists(resx), $"SharedResource.{cultureName}.resx is missing: {cultureName} has no translation, so its status labels cannot be checked.");
        var texts = PortalTexts.For(cultureName);
        var culture = CultureInfo.GetCultureInfo(cultureName);
        // A total of four digits or more, so the group separator shows too.
        var order = portal.Mirror.OrdersOfAccountOf(Personas.Representative).Where(o => o.TotalAmount >= 1000).MaxBy(o => o.CreatedOnUtc)!;
        var date = DateOnly.FromDateTime(order.CreatedOnUtc).ToString(culture.DateTimeFormat.ShortDatePattern, culture);
        var total = order.Currency.Format(order.TotalAmount, culture);
        var status = texts[$"ProcessingStatus.{order.Status}"];
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(Personas.Representative, Personas.Password);
        client.Http.DefaultRequestHeaders.Add("Cookie", $"{CultureCookie}={Uri.EscapeDataString($"c={cultureName}|uic={cultureName}")}");

        var list = await client.GetPageAsync("/Orders?search=" + Uri.EscapeDataString(order.Number));
        var details = await client.GetPageAsync("/Orders/" + order.Number);

        Assert.Equal(cultureName, list.DocumentElement.GetAttribute("lang"));
        var row = HtmlTable.Rows(list.QuerySelector("table")!).Single(r => HtmlTable.DesktopText(r[texts["Order.Number"]]) == order.Number);
        Assert.Equal(date, HtmlTable.DesktopText(row[texts["Order.OrderDate"]]));
        Assert.Equal(total, HtmlTable.DesktopText(row[texts["Order.Total"]]));
        Assert.Equal(status, HtmlTable.DesktopText(row[texts["Order.Status"]]));

        Assert.Equal(cultureName, details.DocumentElement.GetAttribute("lang"));
        Assert.Equal(date, Fact(details, texts["Order.OrderDate"]));
        Assert.Equal(total, details.QuerySelector("dd.grand-total")!.TextContent.Trim());
        Assert.Contains(status, details.QuerySelectorAll("h1 span").Select(s => s.TextContent.Trim()));
        AssertWrittenWithTheCulturesSeparators(total, order.TotalAmount, order.Currency.Precision, culture);
    }

    // What the issue asks of each language, checked on the total itself rather than only through .NET's format:
    // the culture's digit grouping and decimal mark (Swedish: no-break space and comma; Greek: dot and comma),
    // and a currency without decimals (Korean won) written without a decimal mark.
    private static void AssertWrittenWithTheCulturesSeparators(string total, decimal amount, int precision, CultureInfo culture)
    {
        var numbers = culture.NumberFormat;
        if (culture.Name is "sv-SE" or "el-GR")
        {
            Assert.Equal(",", numbers.CurrencyDecimalSeparator);
            Assert.Equal(culture.Name == "sv-SE" ? "\u00a0" : ".", numbers.CurrencyGroupSeparator);
        }

        var whole = decimal.Truncate(amount).ToString("#,0", numbers).Replace(numbers.NumberGroupSeparator, numbers.CurrencyGroupSeparator, StringComparison.Ordinal);
        Assert.Contains(numbers.CurrencyGroupSeparator, whole, StringComparison.Ordinal);
        var digits = precision == 0 ? whole
            : whole + numbers.CurrencyDecimalSeparator + Math.Round(amount - decimal.Truncate(amount), precision, MidpointRounding.AwayFromZero).ToString("F" + precision, CultureInfo.InvariantCulture)[2..];
        Assert.Contains(digits, total, StringComparison.Ordinal);
        if (precision == 0)
        {
            Assert.DoesNotContain(numbers.CurrencyDecimalSeparator, total, StringComparison.Ordinal);
        }
    }

    // The value beside a label in the page's label/value lists.
    private static string? Fact(IDocument page, string label) =>
        page.QuerySelectorAll("dl.facts dt").FirstOrDefault(dt => dt.TextContent.Trim() == label)?.NextElementSibling?.TextContent.Trim();
}
