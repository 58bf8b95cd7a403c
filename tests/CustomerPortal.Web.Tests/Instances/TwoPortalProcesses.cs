using CustomerPortal.PortalStore;
using CustomerPortal.Testing;

namespace CustomerPortal.Web.Tests.Instances;

// Two portal processes behind an imaginary load balancer: one PostgreSQL portal store (seeded with the demo
// personas), one Dataverse emulator over a private copy of the seeded data, the same settings on both.
// Started once for the test class: a process start costs seconds. Nothing starts without PostgreSQL;
// each test then skips (or fails in CI) through TestPortalStore.
public sealed class TwoPortalProcesses : IAsyncLifetime
{
    private readonly PrivatePortalFactory? _data;

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
        A = new PortalProcess(_data.DataDirectory, settings);
        B = new PortalProcess(_data.DataDirectory, settings);
    }

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

    public ValueTask DisposeAsync()
    {
        A?.Dispose();
        B?.Dispose();
        Emulator?.Dispose();
        _data?.Dispose();
        return ValueTask.CompletedTask;
    }
}
