using CustomerPortal.Core.Orders;
using CustomerPortal.Web.Export;
using CustomerPortal.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Ordering;

// The order list as CSV in the reader's culture and language (CultureCsv): headers and statuses as on
// the page, amounts with the currency's decimals and the currency in a column of its own.
public static class OrderCsv
{
    public static void WriteHeader(CultureCsv csv, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(text);
        csv.Row([
            text["Order.Number"], text["Order.Requisition"], text["Order.OrderDate"], text["Order.RequestedReceipt"],
            text["Order.ConfirmedReceipt"], text["Order.Status"], text["Order.Total"], text["Invoice.Currency"], text["Order.ContactPerson"],
        ]);
    }

    public static void WriteRow(CultureCsv csv, IStringLocalizer text, SalesOrderSummary order)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(order);
        csv.Text(order.OrderNumber)
            .Text(order.RequisitionNumber)
            .Date(DateOnly.FromDateTime(order.OrderedOn))
            .Date(order.RequestedReceiptDate)
            .Date(order.ConfirmedReceiptDate)
            .Text(text.Label(order.Status))
            .Number(order.TotalAmount, MoneyFormatter.DecimalsOf(order.Currency))
            .Text(order.Currency.IsoCode)
            .Text(order.ContactPersonName)
            .EndRow();
    }
}
