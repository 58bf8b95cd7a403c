using CustomerPortal.PortalStore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Areas.Identity.Pages.Account;

// Signing out is a POST with an antiforgery token, so a link or an image elsewhere cannot sign anyone out.
// A GET only shows the confirmation button.
public sealed class LogoutModel(SignInManager<PortalUser> signInManager) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        TempData["StatusMessage"] = "Logout.SignedOut";
        return RedirectToPage("./Login");
    }
}
