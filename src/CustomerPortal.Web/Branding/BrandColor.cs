using System.Globalization;

namespace CustomerPortal.Web.Branding;

// An sRGB colour written #rrggbb or #rgb, and the WCAG 2 contrast ratio between two colours.
public readonly record struct BrandColor(byte R, byte G, byte B)
{
    public static readonly BrandColor White = new(255, 255, 255);

    public static bool TryParse(string? text, out BrandColor color)
    {
        color = default;
        var hex = text?.Trim();
        if (hex is null || !hex.StartsWith('#') || hex.Length is not (4 or 7) || !hex[1..].All(Uri.IsHexDigit))
        {
            return false;
        }

        if (hex.Length == 4)
        {
            hex = $"#{hex[1]}{hex[1]}{hex[2]}{hex[2]}{hex[3]}{hex[3]}";
        }

        color = new BrandColor(Channel(hex, 1), Channel(hex, 3), Channel(hex, 5));
        return true;

        static byte Channel(string hex, int at) => byte.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    public string Hex => $"#{R:x2}{G:x2}{B:x2}";

    // "r, g, b": the form Bootstrap's --bs-*-rgb variables take.
    public string Rgb => $"{R}, {G}, {B}";

    // The same hue with each channel scaled towards black (0.8 = 20 % darker): hover and pressed states.
    public BrandColor Darker(double factor) => new((byte)Math.Round(R * factor), (byte)Math.Round(G * factor), (byte)Math.Round(B * factor));

    // WCAG 2.x: (L1 + 0.05) / (L2 + 0.05) with the relative luminance of each colour; 4.5 is AA for body text.
    public double ContrastWith(BrandColor other)
    {
        var (a, b) = (Luminance(), other.Luminance());
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private double Luminance() => (0.2126 * Linear(R)) + (0.7152 * Linear(G)) + (0.0722 * Linear(B));

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
