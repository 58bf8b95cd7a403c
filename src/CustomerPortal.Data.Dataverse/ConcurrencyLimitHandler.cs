using Microsoft.Extensions.Options;

namespace CustomerPortal.Data.Dataverse;

// Dataverse's concurrency limit (52 per user by default) bites immediately and the whole portal is one
// application user, so in-flight requests are capped: by configuration, and lowered to the server's
// recommended degree of parallelism (x-ms-dop-hint) as soon as a response carries it.
internal sealed class ConcurrencyLimitHandler(DataverseConcurrency gate) : DelegatingHandler
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
                gate.ApplyHint(hint);
            }

            return response;
        }
        finally
        {
            gate.Exit();
        }
    }
}

// The process-wide count of in-flight Web API requests (handlers are rebuilt by IHttpClientFactory; this is not).
internal sealed class DataverseConcurrency
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource> _waiting = new();
    private readonly int _configured;
    private int _inFlight;

    public DataverseConcurrency(IOptions<DataverseOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _configured = Math.Max(1, options.Value.MaxConcurrentRequests);
        Limit = _configured;
    }

    public int Limit { get; private set; }

    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    public void ApplyHint(int hint)
    {
        lock (_gate)
        {
            Limit = Math.Min(_configured, hint);
        }
    }

    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_gate)
        {
            if (_inFlight < Limit)
            {
                _inFlight++;
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiting.AddLast(waiter);
        }

        using (cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                if (node.List is not null)
                {
                    _waiting.Remove(node);
                    waiter.TrySetCanceled(cancellationToken);
                }
            }
        }))
        {
            await waiter.Task;
        }
    }

    public void Exit()
    {
        lock (_gate)
        {
            _inFlight--;
            while (_inFlight < Limit && _waiting.First is { } next)
            {
                _waiting.RemoveFirst();
                _inFlight++;
                next.Value.TrySetResult();
            }
        }
    }
}
