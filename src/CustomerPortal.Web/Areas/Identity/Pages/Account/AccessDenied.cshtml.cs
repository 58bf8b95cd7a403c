using CustomerPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Areas.Identity.Pages.Account;

// Where the "Customer" policy sends administrators and users whose contact is not linked to a
// customer account yet: an explanation, with 403 kept as the status.
public sealed class AccessDeniedModel : PageModel
{
    public string Reason { get; private set; } = "Other";

    public void OnGet()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Reason = User.Identity?.IsAuthenticated != true ? "Other"
            : User.IsAdministrator() ? "Administrator"
            : User.GetCustomerScope() is null ? "NoCustomer"
            : "Other";
    }
}
