using System.Collections.Concurrent;

namespace CustomerPortal.DataverseEmulator;

// How many Web API requests reached the emulator (every attempt, whatever it answered: 401, 429 and 503
// included; the token endpoint excluded), in total and by entity set, so tests and the benchmark can
// count what a portal page costs. GET /_emulator/requests reads it; DELETE /_emulator/requests resets it.
internal sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, long> _bySet = new(StringComparer.Ordinal);
    private long _total;

    public void Count(PathString path)
    {
        Interlocked.Increment(ref _total);
        var value = path.Value ?? "";
        var segment = value.TrimStart('/').Split('/', '(', '?')[0];
        _bySet.AddOrUpdate(segment.Length == 0 ? "/" : segment, 1, (_, n) => n + 1);
    }

    public object Snapshot() => new
    {
        total = Interlocked.Read(ref _total),
        bySet = _bySet.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
    };

    public void Reset()
    {
        _bySet.Clear();
        Interlocked.Exchange(ref _total, 0);
    }
}
