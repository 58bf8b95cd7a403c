namespace CustomerPortal.Web.Security;

// Response headers every page carries. The CSP allows only our own files: no inline script, no inline
// style attributes, no framing, forms post only to us. The layout and site.js were written for this
// (every script is a file under wwwroot, Bootstrap ships locally).
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Invitation codes travel in the query string: never send our URLs to anyone else.
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next(context);
    });

    // Everything a signed-in person is answered is theirs (orders, prices, the CSV export, suggestions):
    // no browser or proxy keeps a copy. After authentication, so static files stay cacheable.
    public static IApplicationBuilder UseNoStoreForSignedInUsers(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
        }

        await next(context);
    });
}
