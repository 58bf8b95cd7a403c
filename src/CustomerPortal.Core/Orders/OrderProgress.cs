namespace CustomerPortal.Core.Orders;

// Where orders are on their way to the customer, as the list filters and the dashboard ask for them
// (the rules are DeliveryRules; the expected receipt date is the confirmed one, else the requested one).
public enum OrderProgress
{
    Any = 0,

    // Still open (DeliveryRules.OpenStatuses).
    Open = 1,

    // Open, and expected before today.
    Late = 2,

    // Open, and expected from today to DueSoonDays ahead.
    DueSoon = 3,

    // Delivered (DeliveryRules.DeliveredStatuses), expected within the last RecentlyDeliveredDays up to today.
    RecentlyDelivered = 4,
}
