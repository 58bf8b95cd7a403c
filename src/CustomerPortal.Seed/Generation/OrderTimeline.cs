namespace CustomerPortal.Seed.Generation;

// When each order was placed: over the two years before the reference date, strictly increasing with
// the order index so that order numbers grow with the order date, and with the business growing by
// about a third a year. Ask for the orders in index order.
internal sealed class OrderTimeline(DateOnly referenceDate, int orderCount)
{
    public const int Days = 730;
    private const double Growth = 0.35;

    private readonly DateTime _start = referenceDate.AddDays(-Days).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    private readonly long _spanSeconds = Days * 24L * 60 * 60;
    private DateTime _previous = DateTime.MinValue;

    public DateTime End { get; } = referenceDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    // Order k lands in slot (k + u) / n of a curve whose slope falls as time goes on; the curve is a ratio
    // of sums and products, which every machine computes to the same bits.
    public DateTime OrderedOn(int orderIndex, double draw)
    {
        var orderedOn = Unadjusted(orderIndex, draw);
        if (orderedOn <= _previous)
        {
            orderedOn = _previous.AddSeconds(1);
        }

        _previous = orderedOn;
        return orderedOn;
    }

    // Where order k lands before it is nudged past its predecessor (at most a few seconds off): for
    // looking ahead at orders without generating the ones before them.
    public DateTime Unadjusted(int orderIndex, double draw)
    {
        var position = (orderIndex + draw) / orderCount;
        var curve = (1 + Growth) * position / (1 + Growth * position);
        return _start.AddSeconds(Math.Floor(curve * _spanSeconds));
    }
}
