namespace CustomerPortal.Web.Branding;

// The "Branding" configuration section: the company's look without editing Razor or CSS (README, Branding).
// Files are paths relative to the data directory, so an upgrade, which replaces the application's files,
// never touches them. Every value is checked at start-up (BrandingServiceCollectionExtensions).
public sealed class BrandingOptions
{
    public const string Section = "Branding";

    // Shown in the navigation bar, page titles and mails. Empty: the built-in "Customer portal", translated.
    public string? PortalName { get; set; }

    // The company that runs the portal: the footer's copyright line, the default terms and privacy texts, mails.
    public string? CompanyName { get; set; }

    // An address visitors may write to about access; shown on the public home page when set.
    public string? ContactEmail { get; set; }

    // svg, png, webp or ico; empty: the built-in mark.
    public string? LogoFile { get; set; }

    public string? FaviconFile { get; set; }

    // The navigation bar's colour and Bootstrap's primary; white text stands on it.
    public string PrimaryColor { get; set; } = BrandTheme.DefaultPrimary;

    // Buttons, links and icons: white text stands on it and it stands as text on the page background.
    public string AccentColor { get; set; } = BrandTheme.DefaultAccent;

    // A CSS font-family list (e.g. "Inter, system-ui, sans-serif"); empty: Bootstrap's system fonts.
    public string? FontStack { get; set; }
}
