using CustomerPortal.Core.Invoices;
using CustomerPortal.Core.Orders;
using CustomerPortal.Core;
using CustomerPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages.Orders;

public sealed class DetailsModel(ISalesOrderStore salesOrders, PortalCalendar calendar) : PageModel
{
    private const string ListPath = "/Orders";

    public SalesOrder Order { get; private set; } = default!;

    // The user's today: whether the order is late.
    public DateOnly Today { get; private set; }

    public bool IsLate => Order.IsLateOn(Today);

    public IReadOnlyList<TimelineStep> Timeline => OrderTimeline.For(Order.Status);

    // The line statuses this order's lines are in, in the enum's order, for the explanations under the lines.
    public IReadOnlyList<OrderLineStatus> LineStatuses => [.. Order.Lines.Select(l => l.Status).Distinct().Order()];

    // The order's invoices, oldest first: links to the invoice pages (issue 12), read with the order.
    public IReadOnlyList<InvoiceSummary> Invoices => Order.Invoices;

    // Where "Back to orders" goes: the filtered list the user came from, if it is one of ours.
    public string BackUrl { get; private set; } = ListPath;

    public async Task<IActionResult> OnGetAsync(string number, string? returnUrl, CustomerScope scope, CancellationToken cancellationToken)
    {
        // Another account's order answers exactly like an unknown one, so order numbers cannot be probed.
        if (string.IsNullOrWhiteSpace(number) || number.Length > SalesOrderQuery.MaxSearchLength
            || await salesOrders.FindAsync(scope, number, cancellationToken) is not { } order)
        {
            return NotFound();
        }

        Order = order;
        Today = calendar.Today;
        if (Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(ListPath + "?", StringComparison.OrdinalIgnoreCase))
        {
            BackUrl = returnUrl;
        }

        return Page();
    }
}
