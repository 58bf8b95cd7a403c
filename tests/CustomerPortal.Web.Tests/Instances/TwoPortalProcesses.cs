using CustomerPortal.PortalStore;
using CustomerPortal.Testing;

namespace CustomerPortal.Web.Tests.Instances;

// Two portal processes behind an imaginary load balancer: one PostgreSQL portal store (seeded with the demo
// personas), one Dataverse emulator over a private copy of the seeded data, the same settings on both, and
// Redis as the reference data's second level when CUSTOMERPORTAL_REDIS names one.
// Started once for the test class: a process start costs seconds. Nothing starts without PostgreSQL;
// each test then skips (or fails in CI) through TestPortalStore.
public sealed class TwoPortalProcesses : IAsyncLifetime
{
    private readonly PrivatePortalFactory? _data;
    private readonly List<(string Key, string? Value)> _settings = [];

    public TwoPortalProcesses(SeededPortalData data)
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestPortalStore.ServerVariable)))
        {
            return;
        }

        // Only its private data directory and PostgreSQL store are used: its in-process portal never starts.
        _data = new PrivatePortalFactory(data, PortalStoreProvider.Postgres);
        Emulator = new EmulatorProcess(_data.MirrorPath);
        var settings = new List<(string Key, string? Value)> { ("DataSource:Provider", "Dataverse") };
        settings.AddRange(Emulator.PortalSettings().Select(s => (s.Key, s.Value)));
        settings.AddRange(_data.Store!.PortalSettings);
        _settings = settings;
        A = StartAnother();
        B = StartAnother();
    }

    public const string RedisVariable = "CUSTOMERPORTAL_REDIS";
    public const string RequireRedisVariable = "CUSTOMERPORTAL_REQUIRE_REDIS";

    // host:port of the Redis server the processes share as HybridCache's second level (Cache:Redis), when configured.
    public static string? Redis => Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } redis ? redis : null;

    public EmulatorProcess? Emulator { get; }

    public PortalProcess? A { get; }

    public PortalProcess? B { get; }

    public TestPortalStore Store => _data!.Store!;

    public MirrorQueries Mirror => MirrorQueries.Open(_data!.MirrorPath);

    public async ValueTask InitializeAsync()
    {
        if (A is not null && B is not null)
        {
            await Task.WhenAll(A.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)), B.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)));
        }
    }

    // One more process over the same store, emulator and data; with Redis when configured, unless withRedis is false.
    public PortalProcess StartAnother(bool withRedis = true) =>
        new(_data!.DataDirectory, withRedis && Redis is { } redis ? [.. _settings, ("Cache:Redis", redis)] : _settings);

    // The Redis server, or a skip (a failure when CUSTOMERPORTAL_REQUIRE_REDIS=1).
    public static string RedisOrSkip()
    {
        if (Redis is { } redis)
        {
            return redis;
        }

        Assert.False(Environment.GetEnvironmentVariable(RequireRedisVariable) == "1",
            $"{RedisVariable} is not set and {RequireRedisVariable}=1 (.ci/run starts Debian's redis-server and sets both).");
        Assert.Skip($"Redis not configured: set {RedisVariable} (host:port of a redis-server) to run the Redis case.");
        return "";
    }

    public ValueTask DisposeAsync()
    {
        A?.Dispose();
        B?.Dispose();
        Emulator?.Dispose();
        _data?.Dispose();
        return ValueTask.CompletedTask;
    }
}
