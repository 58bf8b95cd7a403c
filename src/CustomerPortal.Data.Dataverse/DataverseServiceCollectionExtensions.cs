using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Core.Invoices;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.Core.Products;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Data.Dataverse;

public static class DataverseServiceCollectionExtensions
{
    public const string HttpClientName = "Dataverse";

    // Registers the Dataverse Web API adapter behind the data-source port. Settings are validated at
    // start-up (ValidateOnStart): a bad connection string stops the portal with a message naming the key.
    public static IServiceCollection AddDataverse(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<DataverseOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataverseOptions>, DataverseOptionsValidator>();
        return services.AddDataverseCore();
    }

    internal static IServiceCollection AddDataverseCore(this IServiceCollection services, Func<IServiceProvider, IDataverseTokenSource>? tokenSource = null,
        Func<IServiceProvider, HttpMessageHandler>? primaryHandler = null)
    {
        services.AddMemoryCache();
        // The prices of a large price list serialize (for the cache's size accounting) past the default 1 MiB.
        services.AddHybridCache(o => o.MaximumPayloadBytes = 16 * 1024 * 1024);
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(OrderNumbering.Default);
        services.AddSingleton(sp => DataverseConnection.Parse(sp.GetRequiredService<IOptions<DataverseOptions>>().Value));
        services.AddSingleton(tokenSource ?? (sp => new MsalTokenSource(sp.GetRequiredService<DataverseConnection>())));
        services.AddSingleton<NextLinkTokens>();
        services.AddSingleton<OrderNumberSequence>(sp => new OrderNumberSequence(
            sp.GetRequiredService<IHttpClientFactory>().CreateTypedClient(), sp.GetRequiredService<OrderNumbering>()));
        services.AddSingleton<DopHintGate>();
        services.AddTransient<DopHintHandler>();
        services.AddTransient<BearerTokenHandler>();

        // Outermost first: the resilience pipeline (budget, retries, attempt timeout, concurrency cap), then per
        // attempt the dop-hint gate and a (possibly refreshed) token.
        services.AddHttpClient<DataverseWebApi>(HttpClientName, (sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<DataverseConnection>().WebApiBase;
                // Per-attempt timeouts and the total budget are the resilience pipeline's.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.Add("OData-MaxVersion", "4.0");
                client.DefaultRequestHeaders.Add("OData-Version", "4.0");
                client.DefaultRequestHeaders.Add("Accept", "application/json");
            })
            .ConfigurePrimaryHttpMessageHandler(primaryHandler ?? (sp => TrustedServerCertificate.CreateHandler(sp.GetRequiredService<DataverseConnection>())))
            .AddDataverseResilience()
            .AddHttpMessageHandler<DopHintHandler>()
            .AddHttpMessageHandler<BearerTokenHandler>();

        services.AddScoped<ReferenceData>();
        services.AddScoped<ISalesOrderStore, DataverseSalesOrderStore>();
        services.AddScoped<IInvoiceStore, DataverseInvoiceStore>();
        services.AddScoped<IOrderChangeFeed, DataverseOrderChangeFeed>();
        services.AddScoped<ICustomerAccountStore, DataverseCustomerAccountStore>();
        services.AddScoped<ICustomerRows, DataverseCustomerRows>();
        services.AddScoped<IProductCatalog, DataverseProductCatalog>();
        services.AddScoped<IContactDirectory, DataverseContactDirectory>();
        services.AddScoped<IContactAdministration, DataverseContactDirectory>();
        services.AddScoped<IOrderEntryStore, DataverseOrderEntryStore>();
        services.AddScoped<IOrderEntry, OrderEntry>();
        services.AddScoped<IDataSourceHealth, DataverseDataSourceHealth>();
        return services;
    }

    private static DataverseWebApi CreateTypedClient(this IHttpClientFactory factory) => new(factory.CreateClient(HttpClientName));
}

internal sealed class DataverseOptionsValidator : IValidateOptions<DataverseOptions>
{
    public ValidateOptionsResult Validate(string? name, DataverseOptions options)
    {
        try
        {
            _ = DataverseConnection.Parse(options);
        }
        catch (DataverseConfigurationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }

        // The resilience pipeline's timeouts accept 10 ms to one day; outside that it would fail at the first request.
        return options.MaxConcurrentRequests < 1 || options.MaxRetries < 0 || !IsTimeout(options.MaxRetryDuration) || !IsTimeout(options.RequestTimeout)
            ? ValidateOptionsResult.Fail($"{DataverseOptions.SectionPath}: MaxConcurrentRequests must be at least 1, MaxRetries at least 0, MaxRetryDuration and RequestTimeout between 10 ms and 1 day.")
            : ValidateOptionsResult.Success;
    }

    private static bool IsTimeout(TimeSpan value) => value >= TimeSpan.FromMilliseconds(10) && value <= TimeSpan.FromDays(1);
}
