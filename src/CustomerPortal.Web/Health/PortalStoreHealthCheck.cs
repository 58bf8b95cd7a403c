using System.Data.Common;
using CustomerPortal.PortalStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerPortal.Web.Health;

internal sealed class PortalStoreHealthCheck(PortalUsers users) : IHealthCheck
{
    // The report is anonymous: it names the error code, never the file, host or user.
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
        catch (DbException ex)
        {
            // PostgreSQL: an SQLSTATE from the server (e.g. 3D000, no such database), none when it cannot be reached.
            return HealthCheckResult.Unhealthy(ex.SqlState is { } state ? $"Portal store unreadable: PostgreSQL error {state}" : "Portal store unreachable");
        }
    }
}
