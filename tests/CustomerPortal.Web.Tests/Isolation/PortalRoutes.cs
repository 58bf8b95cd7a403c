using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Web.Tests.Isolation;

// Every Razor page the portal serves, found in its own endpoint table, with the values a request can
// carry into it: route values, query-string and form fields (handler parameters and bound properties,
// one level into complex inputs such as Input.ContactId, and into lists such as lines[0].Quantity). New pages appear here without being listed.
public sealed record PortalRoute(string Page, string Template, IReadOnlyList<string> RouteValues, IReadOnlyList<RouteHandler> Handlers)
{
    public static async Task<IReadOnlyList<PortalRoute>> DiscoverAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new List<PortalRoute>();
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(e => e.Page is not null)
            .GroupBy(e => e.Page!.Id)
            .Select(g => g.OrderBy(e => e.Endpoint.RoutePattern.RawText!.Length).First());

        foreach (var (endpoint, page) in endpoints)
        {
            var compiled = await loader.LoadAsync(page!, endpoint.Metadata);
            var bound = compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>().ToList();
            var handlers = compiled.HandlerMethods
                .Select(h => new RouteHandler(
                    h.HttpMethod.ToUpperInvariant(),
                    h.Name,
                    [.. h.Parameters.SelectMany(p => Fields(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, p.BindingInfo?.BindingSource)),
                     .. bound.Where(p => !string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase) || (p.BindingInfo?.RequestPredicate is null && IsSupportsGet(p)))
                        .SelectMany(p => Fields(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, p.BindingInfo?.BindingSource))]))
                .ToList();
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            routes.Add(new PortalRoute(page!.ViewEnginePath, template, [.. endpoint.RoutePattern.Parameters.Select(p => p.Name)], handlers));
        }

        return routes;
    }

    private static bool IsSupportsGet(PageBoundPropertyDescriptor property) =>
        property.Property.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.BindPropertyAttribute), true)
            .OfType<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>().Any(a => a.SupportsGet);

    private static IEnumerable<RouteField> Fields(string name, Type type, BindingSource? source)
    {
        if (type == typeof(CancellationToken) || source == BindingSource.Services)
        {
            yield break;
        }

        var kind = Kind(type);
        if (kind is not null)
        {
            yield return new RouteField(name, kind.Value, type);
            yield break;
        }

        // A list binds its items as name=value (simple items) or name[0].Property (complex ones).
        if (ItemType(type) is { } item)
        {
            foreach (var field in Fields(Kind(item) is null ? name + "[0]" : name, item, source))
            {
                yield return field;
            }

            yield break;
        }

        if (type.IsClass && type != typeof(string))
        {
            foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && Kind(p.PropertyType) is not null))
            {
                yield return new RouteField(name + "." + property.Name, Kind(property.PropertyType)!.Value, property.PropertyType);
                // Complex parameters also bind without their prefix.
                yield return new RouteField(property.Name, Kind(property.PropertyType)!.Value, property.PropertyType);
            }
        }
    }

    private static FieldKind? Kind(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain == typeof(Guid) ? FieldKind.Id
            : plain == typeof(string) ? FieldKind.Text
            : plain.IsPrimitive || plain.IsEnum || plain == typeof(decimal) || plain == typeof(DateOnly) || plain == typeof(DateTime)
                || plain == typeof(DateTimeOffset) || plain == typeof(TimeOnly) ? FieldKind.Value
            : null;
    }

    private static Type? ItemType(Type type) => type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}

public sealed record RouteHandler(string HttpMethod, string? Name, IReadOnlyList<RouteField> Fields);

// Type is the bound property's or parameter's declared type (the fuzz test picks values by it).
public sealed record RouteField(string Name, FieldKind Kind, Type Type);

public enum FieldKind
{
    Id = 1,
    Text = 2,

    // A number, date, flag or choice.
    Value = 3,
}
