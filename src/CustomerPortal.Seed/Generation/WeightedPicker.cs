namespace CustomerPortal.Seed.Generation;

// Picks an index with a fixed, skewed probability. Weights are whole numbers so a pick depends only on
// the random draw, never on how a machine rounds floating point.
internal sealed class WeightedPicker
{
    private readonly long[] _cumulative;

    private WeightedPicker(long[] cumulative) => _cumulative = cumulative;

    // Zipf-like: item i has weight 1 / (i + 1)^exponent, so item 0 is the most likely by far.
    public static WeightedPicker Zipf(int count, double exponent)
    {
        var cumulative = new long[count];
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            total += Math.Max(1, (long)Math.Round(1_000_000_000 / Math.Pow(i + 1, exponent)));
            cumulative[i] = total;
        }

        return new WeightedPicker(cumulative);
    }

    // The first item whose cumulative weight exceeds the ticket. Every weight is at least 1, so the
    // cumulative weights strictly increase and an exact match is the end of the item before.
    public int Pick(Random random)
    {
        var ticket = random.NextInt64(_cumulative[^1]);
        var found = Array.BinarySearch(_cumulative, ticket);
        return found >= 0 ? found + 1 : ~found;
    }
}
