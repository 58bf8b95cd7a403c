using System.Globalization;

namespace CustomerPortal.Web.Localization;

// Dates and quantities in the current culture. Order dates are stored in UTC and shown as the UTC calendar day.
public static class DisplayFormat
{
    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "—";

    public static string Date(DateTime utc) => DateOnly.FromDateTime(utc).ToString("d", CultureInfo.CurrentCulture);

    public static string Quantity(decimal quantity, int decimals) =>
        quantity.ToString("N" + Math.Clamp(decimals, 0, 10).ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
