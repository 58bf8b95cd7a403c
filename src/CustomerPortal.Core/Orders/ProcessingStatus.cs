namespace CustomerPortal.Core.Orders;

// salesorder.msdyn_processingstatus: the Supply Chain Management status that dual-write brings back.
// Values are exactly as Dataverse stores them.
public enum ProcessingStatus
{
    Active = 192350000,
    Confirmed = 192350001,
    Picked = 192350002,
    PartiallyDelivered = 192350003,
    Delivered = 192350004,
    Invoiced = 192350005,
    PartiallyInvoiced = 192350006,
    Canceled = 192350007,
    DeliveredAndPartiallyInvoiced = 192350008,
}
