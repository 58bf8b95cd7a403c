using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerPortal.Web.Branding;

// The generated stylesheet, /brand/theme.css, loaded after site.css: the configured colours and font as the
// custom properties site.css and Bootstrap read. A stylesheet rather than a style attribute, so the CSP
// (style-src 'self', no inline style) stays as it is.
public sealed class BrandTheme
{
    // Today's look: the values site.css was written with.
    public const string DefaultPrimary = "#0b4f8a";
    public const string DefaultAccent = "#0a5fb4";

    // site.css's page background (--portal-surface): links and outline buttons in the accent colour stand on it.
    public static readonly BrandColor Surface = new(0xf3, 0xf5, 0xf8);

    public const double MinimumContrast = 4.5;

    public BrandTheme(BrandColor primary, BrandColor accent, string? fontStack)
    {
        Primary = primary;
        Accent = accent;
        FontStack = string.IsNullOrWhiteSpace(fontStack) ? null : fontStack.Trim();
        var css = new StringBuilder("/* Generated from the Branding configuration section. */\n:root {\n");
        Variable(css, "--portal-brand", primary.Hex);
        Variable(css, "--portal-brand-dark", primary.Darker(0.73).Hex);
        Variable(css, "--portal-accent", accent.Hex);
        Variable(css, "--bs-primary", primary.Hex);
        Variable(css, "--bs-primary-rgb", primary.Rgb);
        Variable(css, "--bs-focus-ring-color", $"rgba({accent.Rgb}, .25)");
        // site.css's own link blue is kept until an accent is configured.
        if (!string.Equals(accent.Hex, DefaultAccent, StringComparison.Ordinal))
        {
            Variable(css, "--bs-link-color", accent.Hex);
            Variable(css, "--bs-link-color-rgb", accent.Rgb);
            Variable(css, "--bs-link-hover-color", accent.Darker(0.75).Hex);
            Variable(css, "--bs-link-hover-color-rgb", accent.Darker(0.75).Rgb);
        }

        if (!string.IsNullOrWhiteSpace(fontStack))
        {
            Variable(css, "--bs-body-font-family", fontStack.Trim());
        }

        Css = css.Append("}\n").ToString();
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))[..12];
    }

    public BrandColor Primary { get; }

    public BrandColor Accent { get; }

    public string? FontStack { get; }

    public string Css { get; }

    // Changes with the content: the layout links ?v=Version, so browsers keep the file until it changes.
    public string Version { get; }

    private static void Variable(StringBuilder css, string name, string value) =>
        css.Append(CultureInfo.InvariantCulture, $"  {name}: {value};\n");
}
