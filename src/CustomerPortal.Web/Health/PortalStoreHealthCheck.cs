using CustomerPortal.PortalStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerPortal.Web.Health;

internal sealed class PortalStoreHealthCheck(PortalUsers users) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await users.ProbeAsync(cancellationToken);
            return HealthCheckResult.Healthy("Portal store reachable");
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return HealthCheckResult.Unhealthy($"Portal store unreadable: SQLite error {ex.SqliteErrorCode}");
        }
    }
}
