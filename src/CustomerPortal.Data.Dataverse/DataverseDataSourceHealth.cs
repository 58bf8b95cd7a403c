using CustomerPortal.Core;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Data.Dataverse;

// /healthz/ready: WhoAmI proves DNS, TLS, the token and the application user, and costs one request
// against the service-protection budget, so its answer is reused briefly (DataverseOptions.HealthCacheDuration).
internal sealed class DataverseDataSourceHealth(DataverseWebApi api, DataverseConnection connection, IMemoryCache cache, IOptions<DataverseOptions> options)
    : IDataSourceHealth
{
    private const string CacheKey = "dataverse:whoami";

    public async Task<DataSourceStatus> CheckAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey, out DataSourceStatus? cached) && cached is not null)
        {
            return cached;
        }

        var environment = connection.Url.GetLeftPart(UriPartial.Authority);
        DataSourceStatus status;
        try
        {
            using var whoAmI = await api.GetAsync("WhoAmI", null, formattedValues: false, cancellationToken);
            status = new DataSourceStatus(true, "Dataverse", $"Dataverse {environment}: WhoAmI user {whoAmI.RootElement.Str("UserId")}");
        }
        catch (DataSourceUnavailableException ex)
        {
            status = new DataSourceStatus(false, "Dataverse", $"Dataverse {environment} unavailable: {ex.Message}");
        }

        cache.Set(CacheKey, status, options.Value.HealthCacheDuration);
        return status;
    }
}
