using CustomerPortal.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace CustomerPortal.Web.Branding;

public static class BrandingServiceCollectionExtensions
{
    public const string FileName = "branding.json";

    // The brand, checked now so that a mistake stops start-up; the public pages read from the data directory.
    // {DataDirectory}/branding.json, when there, holds a Branding section next to the files it names (the demo
    // ships one); the application's own configuration (appsettings, environment, command line) wins key by key.
    public static IServiceCollection AddPortalBranding(this IServiceCollection services, IConfiguration configuration, PortalOptions portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var options = new BrandingOptions();
        var file = portal.PathOf(FileName);
        if (File.Exists(file))
        {
            new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build()
                .GetSection(BrandingOptions.Section).Bind(options);
        }

        configuration.GetSection(BrandingOptions.Section).Bind(options);
        services.AddSingleton(Brand.Load(options, portal));
        services.AddSingleton<PublicPages>();
        return services;
    }

    // The configured name, or the built-in one in the reader's language.
    public static string NameIn(this Brand brand, IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(brand);
        ArgumentNullException.ThrowIfNull(localizer);
        return brand.PortalName ?? localizer["App.Name"];
    }

    // /brand/theme.css, the logo and the favicon, before authentication like the static files: the sign-in
    // page needs them, and they are the same for everyone, so browsers may keep them (the URLs carry a version).
    public static IApplicationBuilder UseBrandAssets(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Path.StartsWithSegments("/brand"))
        {
            var brand = context.RequestServices.GetRequiredService<Brand>();
            var path = request.Path.Value;
            var (content, contentType, version) =
                path == "/brand/theme.css" ? (System.Text.Encoding.UTF8.GetBytes(brand.Theme.Css), "text/css; charset=utf-8", brand.Theme.Version)
                : brand.Logo is { } logo && path == logo.Path ? (logo.Content, logo.ContentType, logo.Version)
                : brand.Favicon is { } favicon && path == favicon.Path ? (favicon.Content, favicon.ContentType, favicon.Version)
                : (null, "", "");
            if (content is not null)
            {
                await WriteAsync(context, content, contentType, version);
                return;
            }
        }

        await next(context);
    });

    private static async Task WriteAsync(HttpContext context, byte[] content, string contentType, string version)
    {
        var response = context.Response;
        var etag = new EntityTagHeaderValue($"\"{version}\"");
        response.Headers.ETag = etag.ToString();
        // The layout's URLs change with the content; an address without ?v= is revalidated within the hour.
        response.Headers.CacheControl = context.Request.Query["v"] == version ? "public, max-age=31536000, immutable" : "public, max-age=3600";
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = contentType;
        response.ContentLength = content.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await response.Body.WriteAsync(content, context.RequestAborted);
        }
    }
}
