using System.Collections.Concurrent;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Orders;

namespace CustomerPortal.Web.Pages.Shared;

// Badge colours. The label is always text too, so colour is never the only signal.
public static class StatusBadges
{
    public static string For(ProcessingStatus status) => Badge(status switch
    {
        ProcessingStatus.Active => "secondary",
        ProcessingStatus.Confirmed => "primary",
        ProcessingStatus.Picked => "info",
        ProcessingStatus.PartiallyDelivered or ProcessingStatus.PartiallyInvoiced => "warning",
        ProcessingStatus.Delivered or ProcessingStatus.DeliveredAndPartiallyInvoiced => "success",
        ProcessingStatus.Invoiced => "dark",
        ProcessingStatus.Canceled => "danger",
        _ => "secondary",
    });

    public static string For(OrderLineStatus status) => Badge(status switch
    {
        OrderLineStatus.Backorder => "warning",
        OrderLineStatus.Delivered => "success",
        OrderLineStatus.Invoiced => "dark",
        OrderLineStatus.Canceled => "danger",
        _ => "secondary",
    });

    // Late is not a status of its own but comes on top of one (an open or confirmed order past its
    // expected receipt date): a solid badge beside the status badge, the word "Late" in it.
    public const string Late = "badge late-badge";

    public static string For(OnHoldStatus status) => Badge(status is OnHoldStatus.No or OnHoldStatus.Never ? "success" : "danger");

    // Built once per tone, on first use: a list page asks for a badge on every row (issue 16: 2.7 % of the order
    // list's allocations). No list of tones to keep beside the switches above.
    private static readonly ConcurrentDictionary<string, string> Badges = new(StringComparer.Ordinal);

    private static string Badge(string tone) =>
        Badges.GetOrAdd(tone, static tone => $"badge status-badge text-{tone}-emphasis bg-{tone}-subtle border border-{tone}-subtle");
}
