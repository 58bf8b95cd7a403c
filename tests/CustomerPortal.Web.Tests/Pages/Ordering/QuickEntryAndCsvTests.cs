using System.Globalization;
using CustomerPortal.Core;
using CustomerPortal.Core.Orders;
using CustomerPortal.Web.Export;
using CustomerPortal.Web.Ordering;

namespace CustomerPortal.Web.Tests.Pages.Ordering;

public sealed class QuickEntryAndCsvTests
{
    [Fact]
    public void QuickEntryReadsCommaSemicolonAndTabSeparatedLinesAndNumbersEveryLine()
    {
        var lines = QuickEntry.Parse("A00001, 2\r\n\nB00002;1.5\nC00003\t4\nno separator\nD00004, x", CultureInfo.GetCultureInfo("en-US"));

        Assert.Equal([1, 3, 4, 5, 6], lines.Select(l => l.LineNumber));
        Assert.Equal(["A00001", "B00002", "C00003", null, "D00004"], lines.Select(l => l.ItemNumber));
        Assert.Equal([2m, 1.5m, 4m, null, null], lines.Select(l => l.Quantity));
        Assert.Equal([null, null, null, QuickEntryProblem.NotUnderstood, QuickEntryProblem.QuantityNotUnderstood], lines.Select(l => l.Problem));
    }

    [Theory]
    [InlineData("fr-FR", "A1, 1,5", 1.5)]
    [InlineData("fr-FR", "A1; 1.5", 1.5)]
    [InlineData("en-US", "A1, 1.5", 1.5)]
    public void QuickEntryQuantitiesFollowTheReadersCultureOrTheInvariantOne(string culture, string text, decimal expected) =>
        Assert.Equal(expected, Assert.Single(QuickEntry.Parse(text, CultureInfo.GetCultureInfo(culture))).Quantity);

    [Fact]
    public void QuickEntryDoesNotReadThousandsSeparatorsAsDigits() =>
        Assert.Equal(QuickEntryProblem.QuantityNotUnderstood, Assert.Single(QuickEntry.Parse("A1, 1,5", CultureInfo.GetCultureInfo("en-US"))).Problem);

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("a;b", "a;b")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("", "")]
    public void CsvTextIsQuotedWhenNeededAndNeverStartsAFormula(string value, string expected) =>
        Assert.Equal(expected + "\r\n", new CultureCsv(CultureInfo.GetCultureInfo("en-US")).Text(value).EndRow().ToString());

    [Theory]
    [InlineData("en-US", "CP-0000001,\"PO, 7\",3/4/2026,3/20/2026,3/23/2026,Confirmed,1234.57,EUR,'=Zoë Ørsted\r\n")]
    [InlineData("fr-FR", "CP-0000001;PO, 7;04/03/2026;20/03/2026;23/03/2026;Confirmée;1234,57;EUR;'=Zoë Ørsted\r\n")]
    public void CsvRowsFollowTheReadersCultureWithTheCurrencysDecimals(string culture, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var csv = new CultureCsv(CultureInfo.GetCultureInfo(culture));
            OrderCsv.WriteRow(csv, PortalLocalizer.Create(), new SalesOrderSummary(Guid.NewGuid(), "CP-0000001", "PO, 7", new DateTime(2026, 3, 4, 22, 0, 0, DateTimeKind.Utc),
                new DateOnly(2026, 3, 20), ProcessingStatus.Confirmed, 1234.567m, new Currency("EUR", "€", 2), "=Zoë Ørsted", new DateOnly(2026, 3, 23)));

            Assert.Equal(expected, csv.ToString());
            Assert.Equal([0xEF, 0xBB, 0xBF], csv.ToBytes()[..3]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

}
