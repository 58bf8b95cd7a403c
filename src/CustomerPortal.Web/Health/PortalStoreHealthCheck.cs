using CustomerPortal.PortalStore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerPortal.Web.Health;

internal sealed class PortalStoreHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Reading the users table proves the file opens *and* carries the identity schema.
            await db.Users.AsNoTracking().Select(user => user.Id).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy("Portal store reachable");
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return HealthCheckResult.Unhealthy($"Portal store unreadable: SQLite error {ex.SqliteErrorCode}");
        }
    }
}
