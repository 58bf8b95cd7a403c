using System.Globalization;
using System.Text;
using CustomerPortal.Core.Orders;

namespace CustomerPortal.Web.Ordering;

// The order list as CSV: culture-invariant (ISO dates, '.' decimals, status names), so it opens the
// same in every spreadsheet and imports cleanly. Fields are quoted per RFC 4180 when needed, and a
// text field that starts like a formula is prefixed with an apostrophe so a spreadsheet never runs it.
public static class OrderCsv
{
    public static readonly string[] Header =
        ["OrderNumber", "RequisitionNumber", "OrderDate", "RequestedReceiptDate", "ConfirmedReceiptDate", "Status", "TotalAmount", "Currency", "ContactPerson"];

    public static void WriteHeader(StringBuilder csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        csv.AppendJoin(',', Header).Append("\r\n");
    }

    public static void WriteRow(StringBuilder csv, SalesOrderSummary order)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(order);
        string[] fields =
        [
            Text(order.OrderNumber),
            Text(order.RequisitionNumber),
            DateOnly.FromDateTime(order.OrderedOn).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            order.RequestedReceiptDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            order.ConfirmedReceiptDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            order.Status.ToString(),
            order.TotalAmount.ToString("F" + Math.Clamp(order.Currency.Precision, 0, 10).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            Text(order.Currency.IsoCode),
            Text(order.ContactPersonName),
        ];
        csv.AppendJoin(',', fields).Append("\r\n");
    }

    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
