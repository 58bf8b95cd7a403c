using CustomerPortal.Core.Ordering;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerPortal.Web.Ordering;

public static class OrderingServiceCollectionExtensions
{
    public const string PrefixKey = OrderingOptions.Section + ":" + nameof(OrderingOptions.OrderNumberPrefix);

    // Drafts in the portal store, the ids new drafts get, and the order numbering the data source uses.
    // A bad prefix stops start-up with a message naming the key, rather than failing at the first submit.
    public static IServiceCollection AddOrdering(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OrderingOptions.Section).Get<OrderingOptions>() ?? new OrderingOptions();
        OrderNumbering numbering;
        try
        {
            numbering = new OrderNumbering(options.OrderNumberPrefix);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{PrefixKey}: {ex.Message}", ex);
        }

        services.AddSingleton(numbering);
        services.AddSingleton<DraftIdTokens>();
        services.AddSingleton<UploadedLines>();
        // "Add to order" and the header's summary of the current draft (issue 13).
        services.AddScoped<CurrentDraft>();
        services.AddMemoryCache();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
