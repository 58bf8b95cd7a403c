using System.Collections.Concurrent;
using System.Reflection;
using CustomerPortal.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CustomerPortal.Web.Identity;

// A handler parameter of type CustomerScope is the signed-in contact's scope, built from the claims and
// never from the request: no route value, query string or form field can reach it.
internal sealed class CustomerScopeBinderProvider : IModelBinderProvider, IModelBinder
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(CustomerScope) ? this : null;

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        bindingContext.Result = bindingContext.HttpContext.User.GetCustomerScope() is { } scope
            ? ModelBindingResult.Success(scope)
            : ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

// The folder policies keep people without a scope away from customer pages already (with the explanation
// page); this is the backstop for a handler outside those folders: a non-nullable scope parameter and no
// scope answer 403, as every page model's own guard did. A nullable one means the scope is optional.
internal sealed class CustomerScopeRequiredFilter : IPageFilter
{
    // Per handler method, worked out once: the answer never changes, and reading nullability by reflection on every request allocates (issue 16).
    private readonly ConcurrentDictionary<MethodInfo, bool> _requiresScope = new();

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod?.MethodInfo is { } handler
            && _requiresScope.GetOrAdd(handler, method => method.GetParameters().Any(RequiresScope))
            && context.HttpContext.User.GetCustomerScope() is null)
        {
            context.Result = new ForbidResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    private static bool RequiresScope(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(CustomerScope) && new NullabilityInfoContext().Create(parameter).ReadState == NullabilityState.NotNull;
}
