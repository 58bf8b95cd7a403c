using System.Diagnostics;
using System.Globalization;

namespace CustomerPortal.Seed;

// Progress lines for long seeds ("orders 50,000 / 250,000 (20%) 3.2 s"). Writes nothing without a writer.
internal sealed class SeedProgress(TextWriter? output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Report(string step)
    {
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step} {_clock.Elapsed.TotalSeconds:0.0} s"));
    }

    public void ReportOrders(int done, int total)
    {
        Report(string.Create(CultureInfo.InvariantCulture, $"orders {done:N0} / {total:N0} ({done * 100L / total}%)"));
    }
}
