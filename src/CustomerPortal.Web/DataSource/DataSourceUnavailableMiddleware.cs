using CustomerPortal.Core;

namespace CustomerPortal.Web.DataSource;

// When the data source cannot answer (Dataverse unreachable or throttling past our patience), every page
// answers 503 with the friendly "temporarily unavailable" status page instead of a generic error.
// Nothing is lost: drafts live in the portal store, not in the data source.
public static partial class DataSourceUnavailableMiddleware
{
    public static IApplicationBuilder UseDataSourceUnavailablePage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (DataSourceUnavailableException ex) when (!context.Response.HasStarted)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DataSourceUnavailableMiddleware));
            LogUnavailable(logger, ex, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "30";
        }
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data source unavailable while serving {Path}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string path);
}
