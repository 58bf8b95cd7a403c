using CustomerPortal.PortalStore.StatusMails;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.StatusMails;

// Polls every PollInterval in every instance; the lease decides which one actually reads and sends. A failed
// poll (the data source or the mail server down, which is normal) is logged and tried again at the next
// tick: nothing is recorded until the mails are in the outbox, so nothing is lost and the app never stops.
public sealed class StatusMailWorker(IServiceScopeFactory scopes, IOptions<StatusMailOptions> options, ILogger<StatusMailWorker> logger) : BackgroundService
{
    // Unique per process (a restarted instance is a new holder: it waits for its old lease like any other).
    public string InstanceId { get; } = string.IsNullOrWhiteSpace(options.Value.InstanceId)
        ? $"{Guid.NewGuid():N}/{Environment.MachineName}"[..Math.Min(100, 33 + Environment.MachineName.Length)]
        : options.Value.InstanceId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first poll waits one PollInterval too: made as the host started, it built both data contexts'
        // models while the portal was starting and answering its first requests, which a cold start on a
        // 2-core server paid for (issue 16). Nothing is lost: orders that change meanwhile are in that poll.
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<StatusMailPoller>().PollAsync(InstanceId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                StatusMailLog.PollFailed(logger, ex, ex.Message, options.Value.PollInterval);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StatusMailStore>().ReleaseLeaseAsync(InstanceId, cancellationToken);
        }
        catch (Exception ex)
        {
            // The lease then simply expires.
            StatusMailLog.LeaseNotReleased(logger, ex);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
