using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;

namespace CustomerPortal.Web.Delivery;

// Pages, the brand's theme and an SVG logo are compressed as they go out (Brotli, else gzip), at the
// fastest level: a page is made once per request and the server is CPU bound, while the fastest level
// already makes an order list several times smaller (/Orders: about 9 KB on the wire). wwwroot's files
// are not touched here: MapStaticAssets serves the copies compressed at build time, whose
// Content-Encoding this middleware leaves alone.
//
// Over HTTPS too, after weighing BREACH (an attacker who sees the encrypted sizes and can make a victim's
// browser send many requests with a guess reflected in the page learns a secret from the same page):
// - the sign-in cookie is SameSite=Lax and the antiforgery cookie Strict, so the requests another site can
//   fire in bulk (images, scripts, fetch) reach the portal without them: they get the sign-in page;
// - the one secret every form carries, the antiforgery request token, is encrypted anew for every
//   response (Data Protection, a fresh key and IV each time): there is no stable string to guess against;
// - what the customer pages show (orders, prices) is the customer's own business data, which a search
//   reflected on the same page already reveals through the length of the answer, compressed or not.
// Pages that show a real secret next to something from the query string are left uncompressed: account
// management (authenticator key, recovery codes) and the administration pages (invitation links).
public static class PageCompression
{
    private static readonly PathString[] ShowSecrets = ["/Identity/Account/Manage", "/Admin"];

    public static IServiceCollection AddPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("image/svg+xml");
        });
        services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Fastest);
        return services;
    }

    // Early in the pipeline, so that error and status pages are compressed too.
    public static IApplicationBuilder UsePageCompression(this IApplicationBuilder app)
    {
        app.UseResponseCompression();
        return app.Use((context, next) =>
        {
            if (ShowSecrets.Any(path => context.Request.Path.StartsWithSegments(path))
                && context.Features.Get<IHttpsCompressionFeature>() is { } https)
            {
                https.Mode = HttpsCompressionMode.DoNotCompress;
            }

            return next(context);
        });
    }
}
