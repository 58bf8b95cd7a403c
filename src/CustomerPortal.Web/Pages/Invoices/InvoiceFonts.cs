using PdfSharp.Fonts;

namespace CustomerPortal.Web.Pages.Invoices;

// The invoice PDF's typefaces, shipped inside the portal's assembly (Fonts/, each with its licence): PDFsharp
// finds no system fonts on Linux, and a PDF must look the same on every server. DejaVu Sans covers Latin and
// Greek; it has no Hangul, so Korean invoices, and any text with Hangul in it, use NanumSquare (OFL).
public sealed class InvoiceFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    public const string KoreanFamily = "NanumSquare";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private const string KoreanRegular = "NanumSquareR";
    private const string KoreanBold = "NanumSquareB";

    private static readonly InvoiceFonts Instance = new();
    private static readonly Lock Gate = new();

    private InvoiceFonts()
    {
    }

    // PDFsharp's resolver is process-wide and may be set only once (or to the same instance again); tests
    // start many portals in one process, so every start-up hands over the one instance, and only if needed.
    public static void Register()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver != Instance)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    // The family for a reader's culture: NanumSquare for Korean, DejaVu Sans for the others.
    public static string FamilyFor(System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "ko" ? KoreanFamily : Family;
    }

    // Text DejaVu Sans cannot draw (it would come out as empty boxes): Hangul, and CJK ideographs and punctuation.
    public static bool NeedsKoreanFont(string text) =>
        text.Any(c => c is (>= '\u1100' and <= '\u11FF') or (>= '\u3000' and <= '\u303F') or (>= '\u3130' and <= '\u318F')
            or (>= '\u4E00' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF'));

    // Any other family asked for gets DejaVu Sans: there is nothing else to give. Italic is never used.
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, KoreanFamily, StringComparison.OrdinalIgnoreCase)
            ? new(bold ? KoreanBold : KoreanRegular)
            : new(bold ? Bold : Regular);

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(InvoiceFonts).Assembly.GetManifestResourceStream($"CustomerPortal.Web.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the portal.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
