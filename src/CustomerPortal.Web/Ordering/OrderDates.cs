namespace CustomerPortal.Web.Ordering;

public static class OrderDates
{
    // "Not in the past" for a customer anywhere: nobody's calendar is more than 12 hours behind UTC,
    // so yesterday in UTC can still be today for them late in the evening in the Americas.
    public static DateOnly EarliestReceiptDate(TimeProvider time) =>
        DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(-12));
}
