using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CustomerPortal.Web.Security;

// How much a request may carry, chosen from what the pages need rather than left at the framework's
// defaults (30 MB bodies, 4 MB form values). The largest legitimate posts are the items step: a quick
// entry of up to 20,000 characters (QuickEntry.MaxTextLength, at most about 180 KB once URL-encoded)
// and the quantities of up to 200 lines (two fields each). The one file upload (order lines on the items
// step) has its own larger body limit, on its own page only.
public static partial class RequestLimits
{
    public const long MaxBodyBytes = 256 * 1024;

    // The items step posts two fields per line for 200 lines; reorder posts one per line of an order.
    public const int MaxFormValues = 1024;

    // Counted in URL-encoded bytes, as the form reader meets them: a full quick entry (20,000 characters)
    // in a script that takes three UTF-8 bytes a character is about 180 KB, and must reach the page, whose
    // own message about the 20,000 characters is friendlier.
    public const int MaxFormValueLength = 192 * 1024;

    // The longest field name a page renders is about 30 characters (lines[199].Quantity, __RequestVerificationToken).
    public const int MaxFormKeyLength = 256;

    // The sign-in cookie is split into 4 KB chunks; a handful of those and the usual headers fit easily.
    public const int MaxHeadersBytes = 32 * 1024;

    public const int MaxHeaderCount = 64;

    // The order-lines upload page (/Orders/Drafts/{id}/Upload): its file may reach OrderUpload.MaxFileBytes,
    // and a somewhat larger one still reaches the page, whose message about the size is friendlier.
    public const long MaxUploadBodyBytes = 2 * 1024 * 1024;

    public static IServiceCollection AddPortalRequestLimits(this IServiceCollection services)
    {
        // Kestrel answers oversized headers and request lines itself (431, 414) before the portal sees them.
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxHeadersBytes;
            kestrel.Limits.MaxRequestHeaderCount = MaxHeaderCount;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        });
        services.Configure<FormOptions>(form =>
        {
            form.ValueCountLimit = MaxFormValues;
            form.ValueLengthLimit = MaxFormValueLength;
            form.KeyLengthLimit = MaxFormKeyLength;
            form.MultipartBodyLengthLimit = MaxBodyBytes;
            form.BufferBodyLengthLimit = MaxBodyBytes;
        });
        services.Configure<MvcOptions>(mvc => mvc.Filters.Add(new UnknownHandlerFilter()));
        return services;
    }

    // Reads every posted form before the pages do, so a form past the limits is answered with the friendly
    // 400 or 413 status page. Left to the pages, model binding would record the failure as a model error
    // and run the handler with nothing bound, and a body cut short would surface as an unhandled exception.
    // The refusal is logged as a fixed sentence: the exceptions' messages are not repeated.
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The status page re-executes the request; it must not be refused again.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && await RefusalAsync(context) is { } status)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestLimits));
            LogRefused(logger, status);
            // The status page binds nothing from the form; an empty one keeps it from reading the body again.
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Response.StatusCode = status;
            return;
        }

        await next(context);
    });

    private static async Task<int?> RefusalAsync(HttpContext context)
    {
        var request = context.Request;
        var maxBody = IsUpload(request) ? MaxUploadBodyBytes : MaxBodyBytes;
        if (request.ContentLength > maxBody)
        {
            return StatusCodes.Status413PayloadTooLarge;
        }

        if (!request.HasFormContentType)
        {
            return null;
        }

        if (maxBody != MaxBodyBytes)
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = maxBody;
            }

            var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<FormOptions>>().Value;
            context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
            {
                ValueCountLimit = options.ValueCountLimit,
                ValueLengthLimit = options.ValueLengthLimit,
                KeyLengthLimit = options.KeyLengthLimit,
                MultipartBodyLengthLimit = maxBody,
                BufferBodyLengthLimit = maxBody,
            }));
        }

        try
        {
            await request.ReadFormAsync(context.RequestAborted);
            return null;
        }
        catch (InvalidDataException)
        {
            // Too many fields, a field name or value too long, or a multipart body that is not one.
            return StatusCodes.Status400BadRequest;
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex)
        {
            // From Kestrel: the body outgrew MaxRequestBodySize while being read (413), or was malformed.
            return ex.StatusCode;
        }
    }

    // A post to the upload page: /Orders/Drafts/{guid}/Upload, whatever the handler.
    private static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.Value?.ToUpperInvariant().Split('/') is ["", "ORDERS", "DRAFTS", var id, "UPLOAD"]
        && Guid.TryParse(id, out _);

    [LoggerMessage(Level = LogLevel.Information, Message = "A request past the request limits was answered {Status}.")]
    private static partial void LogRefused(ILogger logger, int status);
}
