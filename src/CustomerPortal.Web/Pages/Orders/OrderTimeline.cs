using CustomerPortal.Core.Orders;

namespace CustomerPortal.Web.Pages.Orders;

// The milestones a buyer follows an order by, in the order they happen.
public enum OrderMilestone
{
    Received,
    Confirmed,
    Picked,
    PartiallyDelivered,
    Delivered,
    Invoiced,
    Canceled,
}

public enum MilestoneState
{
    Done,
    Current,
    Pending,
}

public sealed record TimelineStep(OrderMilestone Milestone, MilestoneState State);

// Where an order stands on its way, from the processing status alone: every milestone before the status's
// own is done (also one SCM skipped, e.g. picking for a direct delivery: the order is past it), the
// status's own is current, the rest pending. A canceled order was received, then canceled; nothing else.
public static class OrderTimeline
{
    private static readonly OrderMilestone[] Way =
        [OrderMilestone.Received, OrderMilestone.Confirmed, OrderMilestone.Picked, OrderMilestone.PartiallyDelivered, OrderMilestone.Delivered, OrderMilestone.Invoiced];

    public static IReadOnlyList<TimelineStep> For(ProcessingStatus status)
    {
        if (status == ProcessingStatus.Canceled)
        {
            return [new(OrderMilestone.Received, MilestoneState.Done), new(OrderMilestone.Canceled, MilestoneState.Current)];
        }

        var current = CurrentMilestone(status);
        return [.. Way.Select(m => new TimelineStep(m, m < current ? MilestoneState.Done : m == current ? MilestoneState.Current : MilestoneState.Pending))];
    }

    // Partially invoiced means part of the order was delivered and invoiced while the rest is still to come.
    public static OrderMilestone CurrentMilestone(ProcessingStatus status) => status switch
    {
        ProcessingStatus.Active => OrderMilestone.Received,
        ProcessingStatus.Confirmed => OrderMilestone.Confirmed,
        ProcessingStatus.Picked => OrderMilestone.Picked,
        ProcessingStatus.PartiallyDelivered or ProcessingStatus.PartiallyInvoiced => OrderMilestone.PartiallyDelivered,
        ProcessingStatus.Delivered or ProcessingStatus.DeliveredAndPartiallyInvoiced => OrderMilestone.Delivered,
        ProcessingStatus.Invoiced => OrderMilestone.Invoiced,
        ProcessingStatus.Canceled => OrderMilestone.Canceled,
        _ => OrderMilestone.Received,
    };
}
