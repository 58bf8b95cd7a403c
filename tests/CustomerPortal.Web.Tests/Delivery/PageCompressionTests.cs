using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace CustomerPortal.Web.Tests.Delivery;

// Pages go out compressed when the browser asks (over HTTPS too), except the pages that show a secret
// beside what the query string says (PageCompression: BREACH); compressed or not, the page is the same.
public sealed class PageCompressionTests(SeededPortalData data) : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _portal = new(data);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task TheOrderListComesCompressedAsAskedAndReadsTheSameAsUncompressed(string encoding)
    {
        using var client = await _portal.SignedInClientAsync(Personas.Representative);
        var plain = await (await client.Http.GetAsync("/Orders?search=1", Ct)).Content.ReadAsStringAsync(Ct);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/Orders?search=1");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await client.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        var compressed = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(compressed.Length * 4 < plain.Length, $"{compressed.Length:N0} bytes compressed of {plain.Length:N0}");
        Assert.Equal(Normalized(plain), Normalized(await DecompressAsync(compressed, encoding)));
    }

    [Fact]
    public async Task AccountManagementIsNeverCompressed()
    {
        using var client = await _portal.SignedInClientAsync(Personas.Representative);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Identity/Account/Manage");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");

        using var response = await client.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    private static async Task<string> DecompressAsync(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        await using Stream decompressing = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decompressing);
        return await reader.ReadToEndAsync(Ct);
    }

    // The antiforgery tokens differ from one answer to the next (they are encrypted anew each time).
    private static string Normalized(string page) =>
        System.Text.RegularExpressions.Regex.Replace(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "token");
}
