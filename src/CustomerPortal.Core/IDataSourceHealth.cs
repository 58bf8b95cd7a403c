namespace CustomerPortal.Core;

public interface IDataSourceHealth
{
    // Cheap round trip to the data source, for /healthz/ready.
    Task<DataSourceStatus> CheckAsync(CancellationToken cancellationToken);
}

public sealed record DataSourceStatus(bool IsReachable, string Source, string Description);
