using CustomerPortal.Core.Orders;

namespace CustomerPortal.Tests.Orders;

// The status-mail rule: what a buyer is told about an order, compared with what the worker last saw of it.
public sealed class OrderStatusChangeTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static ChangedOrder Order(ProcessingStatus status, DateOnly? confirmed = null, DateOnly? requested = null) =>
        new(Guid.NewGuid(), "SO-001", Guid.NewGuid(), Guid.NewGuid(), null, status, confirmed, requested, new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void AnOrderNeverSeenBeforeIsNoNews()
    {
        Assert.Null(OrderStatusChanges.Compare(null, Order(ProcessingStatus.Confirmed, requested: Today.AddDays(-5)), Today));
    }

    [Fact]
    public void AnUnchangedOrderIsNoNews()
    {
        var seen = new OrderLastSeen(ProcessingStatus.Confirmed, Today.AddDays(3), WasLate: false);
        Assert.Null(OrderStatusChanges.Compare(seen, Order(ProcessingStatus.Confirmed, Today.AddDays(3)), Today));
    }

    [Fact]
    public void ANewProcessingStatusIsNews()
    {
        var change = OrderStatusChanges.Compare(new OrderLastSeen(ProcessingStatus.Confirmed, null, false), Order(ProcessingStatus.Delivered), Today);
        Assert.NotNull(change);
        Assert.True(change.StatusChanged);
        Assert.Equal(ProcessingStatus.Confirmed, change.PreviousStatus);
        Assert.False(change.ConfirmedDateChanged);
        Assert.False(change.BecameLate);
    }

    [Theory]
    [InlineData(null, "2026-12-10")]
    [InlineData("2026-12-10", "2026-12-12")]
    [InlineData("2026-12-10", null)]
    public void AConfirmedReceiptDateSetMovedOrRemovedIsNews(string? before, string? after)
    {
        var previous = before is null ? (DateOnly?)null : DateOnly.Parse(before, System.Globalization.CultureInfo.InvariantCulture);
        var now = after is null ? (DateOnly?)null : DateOnly.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
        var change = OrderStatusChanges.Compare(new OrderLastSeen(ProcessingStatus.Confirmed, previous, false),
            Order(ProcessingStatus.Confirmed, now, requested: Today.AddDays(20)), Today);
        Assert.NotNull(change);
        Assert.True(change.ConfirmedDateChanged);
        Assert.False(change.StatusChanged);
        Assert.Equal(previous, change.PreviousConfirmedReceiptDate);
        Assert.Equal(now, change.ConfirmedReceiptDate);
    }

    [Fact]
    public void AnOpenOrderWhoseExpectedDatePassedBecameLate()
    {
        var change = OrderStatusChanges.Compare(new OrderLastSeen(ProcessingStatus.Confirmed, Today.AddDays(-1), WasLate: false),
            Order(ProcessingStatus.Confirmed, Today.AddDays(-1)), Today);
        Assert.NotNull(change);
        Assert.True(change.BecameLate);
        Assert.Equal(Today.AddDays(-1), change.ExpectedReceiptDate);
    }

    [Fact]
    public void AnOrderAlreadyToldLateIsNotLateNewsAgain()
    {
        Assert.Null(OrderStatusChanges.Compare(new OrderLastSeen(ProcessingStatus.Confirmed, null, WasLate: true),
            Order(ProcessingStatus.Confirmed, requested: Today.AddDays(-3)), Today));
    }

    [Fact]
    public void ADeliveredOrderPastItsDateIsNotLate()
    {
        var change = OrderStatusChanges.Compare(new OrderLastSeen(ProcessingStatus.Picked, Today.AddDays(-2), WasLate: true),
            Order(ProcessingStatus.Delivered, Today.AddDays(-2)), Today);
        Assert.NotNull(change);
        Assert.False(change.BecameLate);
        Assert.True(change.StatusChanged);
    }

    [Fact]
    public void TheExpectedDateIsTheConfirmedOneElseTheRequestedOne()
    {
        // Requested long ago, but confirmed for next week: not late.
        Assert.Null(OrderStatusChanges.Compare(new OrderLastSeen(ProcessingStatus.Confirmed, Today.AddDays(7), false),
            Order(ProcessingStatus.Confirmed, Today.AddDays(7), requested: Today.AddDays(-30)), Today));
    }
}
