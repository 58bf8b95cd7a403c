using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace CustomerPortal.Web.Tests.Pages.Invoices;

// The text of a PDF as a reader would copy it, through Debian's pdftotext (poppler-utils): an independent
// reader, so a PDF that only PDFsharp could read back would fail. Whitespace is collapsed and the narrow and
// non-breaking spaces of French numbers become plain spaces, on both sides of a comparison (Normalize).
internal static partial class PdfText
{
    private const string PdfToText = "/usr/bin/pdftotext";

    public static async Task<string> OfResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await OfPdfAsync(await response.Content.ReadAsByteArrayAsync(cancellationToken), cancellationToken);
    }

    public static async Task<string> OfPdfAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        if (!File.Exists(PdfToText))
        {
            Assert.False(Environment.GetEnvironmentVariable("CUSTOMERPORTAL_REQUIRE_BROWSER") == "1", $"{PdfToText} is missing and CUSTOMERPORTAL_REQUIRE_BROWSER=1.");
            Assert.Skip($"{PdfToText} is not installed (apt-get install poppler-utils).");
        }

        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf, cancellationToken);
            var start = new ProcessStartInfo(PdfToText) { ArgumentList = { "-enc", "UTF-8", file, "-" }, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            Assert.True(process.ExitCode == 0, $"pdftotext failed: {errors}");
            return Normalize(text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"[\s\u00A0\u202F]+")]
    private static partial Regex Whitespace();
}
