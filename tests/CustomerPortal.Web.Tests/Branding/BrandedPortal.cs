namespace CustomerPortal.Web.Tests.Branding;

// The portal with the demo's example brand (seed/brand, as ./run.sh copies it into the data directory), a
// portal name set in the application's configuration (which wins over branding.json) and a few test pages.
public sealed class BrandedPortal : PrivatePortalFactory
{
    public const string Name = "Northwind Test Portal";
    public const string Company = "Contoso Entertainment Systems";
    public const string Primary = "#1b4d3e";
    public const string Accent = "#b43c12";

    public BrandedPortal(SeededPortalData data)
        : base(data)
    {
        AddDemoBrand(DataDirectory);
        Set("Branding:PortalName", Name);
        var pages = Path.Combine(DataDirectory, "pages");
        File.WriteAllText(Path.Combine(pages, "raw.md"),
            "# Raw HTML\n\n<script>alert('raw')</script>\n\nBefore <b>bold</b> after. [Run me](javascript:alert(1)) and [safe](https://example.com/a).\n");
        File.WriteAllText(Path.Combine(pages, "english-only.md"), "---\ntitle: Only in English\n---\nThis page has no French version.\n");
    }

    // Copies seed/brand into a data directory exactly as run.sh does (cp -R seed/brand/. "$data_dir/").
    public static void AddDemoBrand(string dataDirectory)
    {
        var source = Path.Combine(SeededPortalData.RepositoryRoot, "seed", "brand");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dataDirectory, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public byte[] Logo => File.ReadAllBytes(Path.Combine(DataDirectory, "brand", "logo.svg"));
}
