namespace CustomerPortal.Web.Delivery;

// wwwroot goes out through MapStaticAssets: names with a hash of the content, a year in the cache, Brotli and
// gzip copies made by the build (BuildCompressionFormats in the project file; a publish makes them too).
public static class StaticAssetDelivery
{
    // A portal started from a build rather than a publish (run.sh, the benchmark, the tests) serves wwwroot as a
    // published one does. The compressed copies live under obj/, which the build's static web assets manifest
    // maps (the host does that only in Development; without a build manifest, as in a publish, this is a no-op).
    // Outside Development the files are served as built: MapStaticAssets would otherwise watch wwwroot for edits
    // on a build, answer no-cache, and recompress an edited file as gzip under whatever encoding was asked.
    public static WebApplicationBuilder ServeStaticAssetsAsPublished(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.UseStaticWebAssets();
        if (!builder.Environment.IsDevelopment())
        {
            builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        }

        return builder;
    }
}
