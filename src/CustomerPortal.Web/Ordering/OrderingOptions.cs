namespace CustomerPortal.Web.Ordering;

// The "Ordering" configuration section.
public sealed class OrderingOptions
{
    public const string Section = "Ordering";

    // Must not overlap the seller's own number sequence in Supply Chain Management.
    public string OrderNumberPrefix { get; set; } = Core.Ordering.OrderNumbering.DefaultPrefix;
}
