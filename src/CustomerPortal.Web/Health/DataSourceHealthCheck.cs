using CustomerPortal.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerPortal.Web.Health;

internal sealed class DataSourceHealthCheck(IDataSourceHealth dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await dataSource.CheckAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["source"] = status.Source };
        return status.IsReachable
            ? HealthCheckResult.Healthy(status.Description, data)
            : HealthCheckResult.Unhealthy(status.Description, data: data);
    }
}
