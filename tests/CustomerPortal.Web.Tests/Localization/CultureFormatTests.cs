using System.Globalization;
using CustomerPortal.Core;
using CustomerPortal.Web.Export;
using CustomerPortal.Web.Localization;

namespace CustomerPortal.Web.Tests.Localization;

// Money, numbers, dates and CSV separators in the five languages: the currency decides the decimals
// (ISO 4217 minor units), the reader's culture (from ICU, not invariant globalization) the layout.
public sealed class CultureFormatTests
{
    private static CultureInfo Culture(string name) => CultureInfo.GetCultureInfo(name);

    [Theory]
    [InlineData("KRW", 2, 0)]
    [InlineData("krw", 4, 0)]
    [InlineData("JPY", 2, 0)]
    [InlineData("EUR", 0, 2)]
    [InlineData("SEK", 3, 2)]
    [InlineData("USD", 2, 2)]
    [InlineData("KWD", 2, 3)]
    [InlineData("XQZ", 4, 4)]
    public void DecimalsComeFromTheCurrencyNotFromDataversesPrecision(string isoCode, int precision, int expected) =>
        Assert.Equal(expected, MoneyFormatter.DecimalsOf(new Currency(isoCode, "¤", precision)));

    [Fact]
    public void KoreanWonHasNoDecimalsInAnyLanguage()
    {
        var won = new Currency("KRW", "₩", 2);

        var korean = MoneyFormatter.Format(1234567.89m, won, Culture("ko-KR"));
        var swedish = MoneyFormatter.Format(1234567.89m, won, Culture("sv-SE"));

        Assert.Equal("₩1,234,568", korean);
        Assert.DoesNotContain(",89", swedish, StringComparison.Ordinal);
        Assert.DoesNotContain(",00", swedish, StringComparison.Ordinal);
        Assert.StartsWith("1\u00a0234\u00a0568", swedish, StringComparison.Ordinal);
    }

    [Fact]
    public void AKoreanReaderStillSeesTheCentsOfAEuroOrder() =>
        Assert.Equal("€1,234.57", MoneyFormatter.Format(1234.567m, new Currency("EUR", "€", 2), Culture("ko-KR")));

    [Theory]
    [InlineData("sv-SE", "1\u00a0234,57")]
    [InlineData("el-GR", "1.234,57")]
    [InlineData("fr-FR", "1\u202f234,57")]
    public void SwedishAndGreekSeparatorsComeFromTheirCultures(string culture, string number)
    {
        var money = MoneyFormatter.Format(1234.567m, new Currency("SEK", "kr", 2), Culture(culture));

        Assert.StartsWith(number, money, StringComparison.Ordinal);
        Assert.EndsWith("kr", money, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "11/1/2026")]
    [InlineData("fr-FR", "01/11/2026")]
    [InlineData("sv-SE", "2026-11-01")]
    [InlineData("ko-KR", "2026. 11. 1.")]
    [InlineData("el-GR", "1/11/2026")]
    public void DatesAreWrittenTheReadersWay(string culture, string expected)
    {
        using var reader = CultureScope.Use(Culture(culture));

        Assert.Equal(expected, DisplayFormat.Date(new DateOnly(2026, 11, 1)));
    }

    [Theory]
    [InlineData("en-US", ",", "1234.50")]
    [InlineData("fr-FR", ";", "1234,50")]
    [InlineData("sv-SE", ";", "1234,50")]
    [InlineData("el-GR", ";", "1234,50")]
    [InlineData("ko-KR", ",", "1234.50")]
    public void CsvSeparatorsNeverClashWithTheDecimalSeparator(string culture, string separator, string number)
    {
        var csv = new CultureCsv(Culture(culture));

        csv.Text("A").Number(1234.5m, 2).EndRow();

        Assert.Equal(separator, csv.Separator);
        Assert.NotEqual(Culture(culture).NumberFormat.NumberDecimalSeparator, csv.Separator);
        Assert.Equal($"A{separator}{number}\r\n", csv.ToString());
    }

    [Fact]
    public void TheScopeGivesTheThreadItsCulturesBack()
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        using (CultureScope.Use(Culture("el-GR")))
        {
            Assert.Equal("el-GR", CultureInfo.CurrentUICulture.Name);
            Assert.Equal("el-GR", CultureInfo.CurrentCulture.Name);
        }

        Assert.Equal(before, CultureInfo.CurrentCulture);
        Assert.Equal(beforeUi, CultureInfo.CurrentUICulture);
    }
}
