using CustomerPortal.Core;
using CustomerPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages;

// The welcome comes from the user's claims, so the home page costs no data-source call.
public sealed class IndexModel : PageModel
{
    public string DisplayName { get; private set; } = "";

    public CustomerScope? Scope { get; private set; }

    public string? AccountNumber { get; private set; }

    public string? AccountName { get; private set; }

    public string? CompanyCode { get; private set; }

    public bool IsAdministrator { get; private set; }

    public void OnGet(CustomerScope? scope)
    {
        DisplayName = User.DisplayName();
        Scope = scope;
        IsAdministrator = User.IsAdministrator();
        AccountNumber = User.FindFirst(CustomerClaimTypes.AccountNumber)?.Value;
        AccountName = User.FindFirst(CustomerClaimTypes.AccountName)?.Value;
        CompanyCode = User.FindFirst(CustomerClaimTypes.CompanyCode)?.Value;
    }
}
