using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages.Account;

public sealed class IndexModel(ICustomerAccountStore accounts) : PageModel
{
    public CustomerAccount Account { get; private set; } = default!;

    // Only representatives manage the account's people; authorized users never see the list.
    public IReadOnlyList<AccountContact>? Contacts { get; private set; }

    public async Task<IActionResult> OnGetAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await accounts.GetAsync(scope, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        if (scope.SeesWholeAccount)
        {
            Contacts = await accounts.ListContactsAsync(scope, cancellationToken);
        }

        return Page();
    }
}
