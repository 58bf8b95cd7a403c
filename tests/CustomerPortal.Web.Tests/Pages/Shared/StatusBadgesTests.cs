using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Orders;
using CustomerPortal.Web.Pages.Shared;

namespace CustomerPortal.Web.Tests.Pages.Shared;

// Every status a row can show has a badge of one colour (text, background and border), built once per colour.
public sealed class StatusBadgesTests
{
    [Fact]
    public void EveryStatusHasABadgeOfOneColour()
    {
        var badges = Enum.GetValues<ProcessingStatus>().Select(StatusBadges.For)
            .Concat(Enum.GetValues<OrderLineStatus>().Select(StatusBadges.For))
            .Concat(Enum.GetValues<OnHoldStatus>().Select(StatusBadges.For))
            .ToList();

        Assert.All(badges, badge => Assert.Matches("^badge status-badge text-([a-z]+)-emphasis bg-\\1-subtle border border-\\1-subtle$", badge));
        Assert.Equal("badge status-badge text-danger-emphasis bg-danger-subtle border border-danger-subtle", StatusBadges.For(ProcessingStatus.Canceled));
        Assert.Equal("badge status-badge text-success-emphasis bg-success-subtle border border-success-subtle", StatusBadges.For(OnHoldStatus.No));
    }
}
