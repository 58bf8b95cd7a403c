using System.Globalization;
using System.Net;
using System.Text;

namespace CustomerPortal.Web.Tests.Pages.Invoices;

// The invoice and order exports (issue 12): the filtered list as the reader's spreadsheet expects it, with
// the culture's list separator, decimals and dates, headers and statuses in the reader's language, a byte-order
// mark, and nothing the user may not see.
public sealed class CsvExportTests(PortalFactory portal, SeededPortalData data) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("en-US", ",")]
    [InlineData("fr-FR", ";")]
    [InlineData("sv-SE", ";")]
    [InlineData("ko-KR", ",")]
    [InlineData("el-GR", ";")]
    public async Task InvoiceExportIsTheUsersInvoicesInTheirCulture(string culture, string separator)
    {
        var text = PortalTexts.For(culture);
        var mine = portal.Mirror.InvoicesOf(Personas.AuthorizedUser);
        var numbers = mine.Select(i => i.Number).ToHashSet();
        var foreign = portal.Mirror.InvoicesOf(Personas.Representative).Concat(portal.Mirror.InvoicesOf(Personas.OtherCustomer))
            .Select(i => i.Number).Where(n => !numbers.Contains(n)).ToList();
        using var client = await portal.SignedInClientAsync(Personas.AuthorizedUser, culture);
        var list = await client.GetPageAsync("/Invoices");

        var lines = await DownloadAsync(client, list.QuerySelector("#export-csv")!.GetAttribute("href")!);

        Assert.Equal(string.Join(separator, text["Invoice.Number"], text["Invoice.Date"], text["Invoice.Order"], text["Order.CustomerReference"], text["Invoice.Total"], text["Invoice.Currency"]), lines[0]);
        Assert.NotEmpty(mine);
        Assert.NotEmpty(foreign);
        Assert.Equal(mine.Select(i => i.Number), lines.Skip(1).Select(l => l.Split(separator)[0]));
        var first = lines[1].Split(separator);
        Assert.Equal(mine[0].Date.ToString("d", text.Culture), first[1]);
        Assert.Equal(mine[0].Total.ToString("F" + mine[0].Currency.Precision.ToString(CultureInfo.InvariantCulture), text.Culture), first[4]);
        Assert.All(lines.Skip(1), l => Assert.DoesNotContain(l.Split(separator)[0], foreign));
    }

    [Fact]
    public async Task InvoiceExportKeepsTheListsFilter()
    {
        var invoice = portal.Mirror.InvoicesOf(Personas.Representative)[^1];
        using var client = await portal.SignedInClientAsync(Personas.Representative);

        var lines = await DownloadAsync(client, "/Invoices?handler=Export&search=" + Uri.EscapeDataString(invoice.Number));
        using var reversed = await client.Http.GetAsync("/Invoices?handler=Export&from=2026-10-01&to=2026-09-01", TestContext.Current.CancellationToken);

        Assert.Equal([invoice.Number], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
    }

    // The customer's order reference is the customer's own text: a spreadsheet must never run it.
    [Fact]
    public async Task InvoiceExportNeverStartsACellWithAFormula()
    {
        using var copy = new PrivatePortalFactory(data);
        var invoice = copy.Mirror.InvoicesOf(Personas.Representative)[0];
        using (var mirror = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy.MirrorPath};Pooling=False"))
        {
            mirror.Open();
            using var update = mirror.CreateCommand();
            update.CommandText = "UPDATE invoice SET description = '=HYPERLINK(\"http://evil.example\",\"x\")' WHERE upper(invoiceid) = upper($id)";
            update.Parameters.AddWithValue("$id", invoice.Id);
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        using var client = copy.CreatePortalClient();
        await client.SignInAsync(Personas.Representative, Personas.Password);

        var lines = await DownloadAsync(client, "/Invoices?handler=Export&search=" + Uri.EscapeDataString(invoice.Number));

        var row = Assert.Single(lines.Skip(1));
        Assert.StartsWith(invoice.Number + ",", row, StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",", row, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", ",")]
    [InlineData("fr-FR", ";")]
    [InlineData("sv-SE", ";")]
    [InlineData("ko-KR", ",")]
    [InlineData("el-GR", ";")]
    public async Task OrderExportIsInTheReadersCultureAndLanguage(string culture, string separator)
    {
        var text = PortalTexts.For(culture);
        var order = portal.Mirror.OrdersOfAccountOf(Personas.Representative)[0];
        using var client = await portal.SignedInClientAsync(Personas.Representative, culture);

        var lines = await DownloadAsync(client, "/Orders?handler=Export&search=" + Uri.EscapeDataString(order.Number));

        Assert.Equal(string.Join(separator, text["Order.Number"], text["Order.Requisition"], text["Order.OrderDate"], text["Order.RequestedReceipt"],
            text["Order.ConfirmedReceipt"], text["Order.Status"], text["Order.Total"], text["Invoice.Currency"], text["Order.ContactPerson"]), lines[0]);
        var row = lines.Skip(1).Select(l => l.Split(separator)).Single(f => f[0] == order.Number);
        Assert.Equal(DateOnly.FromDateTime(order.CreatedOnUtc).ToString("d", text.Culture), row[2]);
        Assert.Equal(text["ProcessingStatus." + order.Status], row[5]);
        Assert.Equal(order.TotalAmount.ToString("F" + order.Currency.Precision.ToString(CultureInfo.InvariantCulture), text.Culture), row[6]);
        Assert.Equal(order.Currency.IsoCode, row[7]);
    }

    // The file's lines after checking it is a UTF-8 CSV with a byte-order mark, so Excel reads accents right.
    private static async Task<string[]> DownloadAsync(PortalClient client, string url)
    {
        using var response = await client.Http.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
