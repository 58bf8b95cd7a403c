using PdfSharp.Fonts;

namespace CustomerPortal.Web.Pages.Invoices;

// The invoice PDF's one typeface, DejaVu Sans, shipped inside the portal's assembly (Fonts/, with its
// licence): PDFsharp finds no system fonts on Linux, and a PDF must look the same on every server.
public sealed class InvoiceFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

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

    // Any family asked for gets DejaVu Sans: there is nothing else to give. Italic is never used.
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(InvoiceFonts).Assembly.GetManifestResourceStream($"CustomerPortal.Web.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the portal.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
