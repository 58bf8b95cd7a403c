using CustomerPortal.Core;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Data.Dataverse;

// /healthz/ready: WhoAmI proves DNS, TLS, the token and the application user, and costs one request
// against the service-protection budget, so its answer is reused briefly (DataverseOptions.HealthCacheDuration).
// How long is measured with the injected TimeProvider, not the memory cache's own clock.
internal sealed class DataverseDataSourceHealth(
    DataverseWebApi api, DataverseConnection connection, IMemoryCache cache, IOptions<DataverseOptions> options, TimeProvider time)
    : IDataSourceHealth
{
    private const string CacheKey = "dataverse:whoami";

    public async Task<DataSourceStatus> CheckAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey, out CheckedStatus? cached) && cached is not null && time.GetUtcNow() - cached.At < options.Value.HealthCacheDuration)
        {
            return cached.Status;
        }

        var environment = connection.Url.GetLeftPart(UriPartial.Authority);
        DataSourceStatus status;
        try
        {
            using var whoAmI = await api.GetAsync("WhoAmI", null, cancellationToken);
            var user = whoAmI.RootElement.TryGetProperty("UserId", out var userId) ? userId.GetString() : null;
            status = new DataSourceStatus(true, "Dataverse", $"Dataverse {environment}: WhoAmI user {user}");
        }
        catch (DataSourceUnavailableException ex)
        {
            status = new DataSourceStatus(false, "Dataverse", $"Dataverse {environment} unavailable: {ex.Message}");
        }

        cache.Set(CacheKey, new CheckedStatus(status, time.GetUtcNow()));
        return status;
    }

    private sealed record CheckedStatus(DataSourceStatus Status, DateTimeOffset At);
}
