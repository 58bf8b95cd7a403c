using System.Data.Common;
using CustomerPortal.PortalStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerPortal.Web.Health;

internal sealed class PortalStoreHealthCheck(PortalUsers users) : IHealthCheck
{
    // The report is anonymous: it names the provider's error code, never the file, host or user.
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await users.ProbeAsync(cancellationToken);
            return HealthCheckResult.Healthy("Portal store reachable");
        }
        // EF Core wraps a failure to connect to PostgreSQL in its advice about transient errors.
        catch (Exception ex) when ((ex as DbException ?? ex.InnerException as DbException) is { } error)
        {
            return HealthCheckResult.Unhealthy(error switch
            {
                Microsoft.Data.Sqlite.SqliteException sqlite => $"Portal store unreadable: SQLite error {sqlite.SqliteErrorCode}",
                // An SQLSTATE from the server (3D000: no such database); none when the server cannot be reached.
                { SqlState: { } state } => $"Portal store unreadable: PostgreSQL error {state}",
                _ => "Portal store unreachable",
            });
        }
    }
}
