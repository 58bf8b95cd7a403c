using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CustomerPortal.Web.Security;

// When no handler of a page matches the request (a POST to a page that only shows, ?handler=Nonsense),
// Razor Pages renders the page anyway, without running any handler: its model is empty and the view
// fails with a 500. Such a request is answered 405 (the page has no handler for the method) or 404 (it has
// one, under another name) through the status page instead. Pages without handlers are left alone, as
// are the error and status pages re-executing someone else's request.
internal sealed class UnknownHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var handlers = context.ActionDescriptor.HandlerMethods;
        var features = context.HttpContext.Features;
        if (context.HandlerMethod is not null || handlers.Count == 0
            || features.Get<IStatusCodeReExecuteFeature>() is not null || features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            return;
        }

        var method = context.HttpContext.Request.Method;
        var forMethod = handlers.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)
            || (HttpMethods.IsHead(method) && string.Equals(h.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase)));
        context.Result = forMethod ? new NotFoundResult() : new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
