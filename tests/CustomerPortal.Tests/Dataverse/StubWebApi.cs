using System.Net;
using System.Text;
using CustomerPortal.Data.Dataverse;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly.Retry;
using Polly.Telemetry;

namespace CustomerPortal.Tests.Dataverse;

// The Dataverse adapter with a stub server behind it: every outgoing request is recorded (method,
// URL, headers, body) and answered by the test's function. Tokens come from a counting stub; time is a
// FakeTimeProvider, and the retry waits the pipeline decided on are recorded.
internal sealed class StubWebApi : IDisposable
{
    public const string EnvironmentUrl = "https://contoso.crm.dynamics.com";

    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;

    // secondLevel: HybridCache's distributed cache (Redis in production), for instances that share it.
    public StubWebApi(Func<RecordedRequest, HttpResponseMessage> respond, Action<DataverseOptions>? configure = null, IDistributedCache? secondLevel = null)
    {
        Respond = respond;
        var services = new ServiceCollection();
        if (secondLevel is not null)
        {
            services.AddSingleton(secondLevel);
        }

        services.AddSingleton<TimeProvider>(Time);
        services.Configure<TelemetryOptions>(o => o.TelemetryListeners.Add(Delays));
        services.AddOptions<DataverseOptions>().Configure(o =>
        {
            o.ConnectionString = $"AuthType=ClientSecret;Url={EnvironmentUrl};ClientId=11111111-1111-1111-1111-111111111111;ClientSecret=s3cret;TenantId=contoso.onmicrosoft.com";
            configure?.Invoke(o);
        });
        services.AddDataverseCore(_ => Tokens, _ => new Handler(this));
        _services = services.BuildServiceProvider();
        _scope = _services.CreateScope();
    }

    public Func<RecordedRequest, HttpResponseMessage> Respond { get; set; }

    public List<RecordedRequest> Requests { get; } = [];

    public CountingTokens Tokens { get; } = new();

    public RetryDelays Delays { get; } = new();

    public FakeTimeProvider Time { get; } = new();

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    // Awaits a call while the fake clock moves on, so the retry waits pass without real sleeping.
    public async Task<T> WhileTimePassesAsync<T>(Task<T> call)
    {
        while (!call.IsCompleted)
        {
            Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        return await call;
    }

    // A service of a new scope: what the next page request gets (scoped adapters remember per request only).
    public T GetInNewScope<T>() where T : notnull => _services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Error(HttpStatusCode status, string code = "", string message = "error") =>
        Json("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}", status);

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
    }

    internal sealed record RecordedRequest(HttpMethod Method, Uri Url, Dictionary<string, string> Headers, string? Body)
    {
        public string PathAndQuery => Uri.UnescapeDataString(Url.PathAndQuery);

        public string Query(string name) => System.Web.HttpUtility.ParseQueryString(Url.Query)[name] ?? "";
    }

    internal sealed class CountingTokens : IDataverseTokenSource
    {
        public int Acquired { get; private set; }

        public int Forced { get; private set; }

        public Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
        {
            Acquired++;
            if (forceRefresh)
            {
                Forced++;
            }

            return Task.FromResult(forceRefresh ? "fresh-token" : "cached-token");
        }
    }

    internal sealed class RetryDelays : TelemetryListener
    {
        private readonly List<TimeSpan> _waited = [];

        public IReadOnlyList<TimeSpan> Waited
        {
            get
            {
                lock (_waited)
                {
                    return [.. _waited];
                }
            }
        }

        public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args)
        {
            if (args.Arguments is OnRetryArguments<HttpResponseMessage> retry)
            {
                lock (_waited)
                {
                    _waited.Add(retry.RetryDelay);
                }
            }
        }
    }

    private sealed class Handler(StubWebApi owner) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body);
            lock (owner.Requests)
            {
                owner.Requests.Add(recorded);
            }

            var response = owner.Respond(recorded);
            response.RequestMessage = request;
            return response;
        }
    }
}
