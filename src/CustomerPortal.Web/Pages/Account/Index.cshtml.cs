using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Invoices;
using CustomerPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages.Account;

public sealed class IndexModel(ICustomerAccountStore accounts, IInvoiceStore invoices, PortalCalendar calendar) : PageModel
{
    public const int RecentInvoiceCount = 5;

    public CustomerAccount Account { get; private set; } = default!;

    // Only representatives manage the account's people; authorized users never see the list.
    public IReadOnlyList<AccountContact>? Contacts { get; private set; }

    // The money of the whole account (its credit limit, everything invoiced to it) is the representative's;
    // an authorized user sees the invoices of their own orders, as on /Invoices, and no credit limit.
    public bool SeesWholeAccount { get; private set; }

    public int ThisYear { get; private set; }

    // What was invoiced this year and last year, one entry per currency (usually one).
    public IReadOnlyList<InvoicedTotal> Invoiced { get; private set; } = [];

    public IReadOnlyList<InvoiceSummary> RecentInvoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await accounts.GetAsync(scope, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        SeesWholeAccount = scope.SeesWholeAccount;
        ThisYear = calendar.Today.Year;
        Invoiced = await invoices.InvoicedTotalsAsync(scope, ThisYear - 1, cancellationToken);
        var newest = await invoices.ListAsync(scope, new InvoiceQuery(PageSize: PageSize.Allowed[0]), cancellationToken);
        RecentInvoices = [.. newest.Items.Take(RecentInvoiceCount)];
        if (scope.SeesWholeAccount)
        {
            Contacts = await accounts.ListContactsAsync(scope, cancellationToken);
        }

        return Page();
    }

    public IEnumerable<InvoicedTotal> InvoicedIn(int year) => Invoiced.Where(t => t.Year == year);
}
