using Microsoft.Extensions.Options;

namespace CustomerPortal.Data.Dataverse;

// Dataverse's concurrency limit (52 per user by default) bites immediately and the whole portal is one
// application user: the server's recommended degree of parallelism (x-ms-dop-hint) narrows the pipeline's
// cap of MaxConcurrentRequests as soon as a response carries it, and widens it again up to that cap.
internal sealed class DopHintHandler(DopHintGate gate) : DelegatingHandler
{
    public const string DopHintHeader = "x-ms-dop-hint";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await gate.EnterAsync(cancellationToken);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues(DopHintHeader, out var values) && int.TryParse(values.FirstOrDefault(), out var hint) && hint > 0)
            {
                gate.Apply(hint);
            }

            return response;
        }
        finally
        {
            gate.Exit();
        }
    }
}

// The pipeline's ConcurrencyLimiter (System.Threading.RateLimiting) fixes its permit limit when it is built,
// so the hint needs a gate that can be resized while requests are in flight. One per process: handlers are
// rebuilt by IHttpClientFactory, this is not.
internal sealed class DopHintGate(IOptions<DataverseOptions> options) : IDisposable
{
    private readonly Lock _resize = new();
    private readonly int _configured = Math.Max(1, options.Value.MaxConcurrentRequests);
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentRequests));

    public int Limit { get; private set; } = Math.Max(1, options.Value.MaxConcurrentRequests);

    public Task EnterAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    public void Exit() => _slots.Release();

    public void Dispose() => _slots.Dispose();

    public void Apply(int hint)
    {
        int change;
        lock (_resize)
        {
            var limit = Math.Min(_configured, hint);
            change = limit - Limit;
            Limit = limit;
        }

        if (change > 0)
        {
            _slots.Release(change);
        }

        // A narrower limit takes its slots as requests in flight hand them back; a wider one releases them first.
        for (; change < 0; change++)
        {
            _ = _slots.WaitAsync();
        }
    }
}
