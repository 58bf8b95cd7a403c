using CustomerPortal.Data.Dataverse;
using CustomerPortal.Data.Sqlite;

namespace CustomerPortal.Web.DataSource;

public static partial class DataSourceServiceCollectionExtensions
{
    public const string ProviderKey = "DataSource:Provider";
    public const string RedisKey = "Cache:Redis";
    public const string RedisInstanceName = "CustomerPortal:";

    // THE place where the customer data source is chosen: once, at start-up, from configuration.
    // Pages only ever see the port interfaces in CustomerPortal.Core.
    public static DataSourceProvider AddCustomerDataSource(this IServiceCollection services, IConfiguration configuration, PortalOptions portal, bool threadSafetyChecks)
    {
        var configured = configuration[ProviderKey]?.Trim();
        var provider = Enum.GetValues<DataSourceProvider>()
            .FirstOrDefault(p => string.Equals(p.ToString(), configured, StringComparison.OrdinalIgnoreCase));

        _ = provider switch
        {
            DataSourceProvider.Sqlite => services.AddSqliteMirror(portal.PathOf("mirror.db"), threadSafetyChecks),
            DataSourceProvider.Dataverse => services.AddDataverse(configuration.GetSection(DataverseOptions.SectionPath)).AddRedisSecondLevel(configuration[RedisKey]),
            _ => throw new InvalidOperationException(
                $"{ProviderKey} is {(string.IsNullOrEmpty(configured) ? "missing" : $"'{configured}'")}. "
                + $"Allowed values: {string.Join(", ", Enum.GetNames<DataSourceProvider>())}."),
        };

        return provider;
    }

    // Several instances share the reference data HybridCache loads from Dataverse (a StackExchange.Redis configuration
    // string; empty: each instance keeps its own in memory). HybridCache takes any registered IDistributedCache as its second level.
    private static IServiceCollection AddRedisSecondLevel(this IServiceCollection services, string? redis) =>
        string.IsNullOrWhiteSpace(redis) ? services : services.AddStackExchangeRedisCache(cache =>
        {
            cache.Configuration = redis;
            cache.InstanceName = RedisInstanceName;
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer data source: {DataSource}")]
    public static partial void LogCustomerDataSource(this ILogger logger, DataSourceProvider dataSource);
}
