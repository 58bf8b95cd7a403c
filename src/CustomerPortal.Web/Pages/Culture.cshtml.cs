using CustomerPortal.PortalStore;
using CustomerPortal.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages;

// The footer's language buttons post here. A signed-in user's choice is stored in their profile
// (PortalUser.MailCulture), which chooses their pages on every browser and the language of their mails;
// the culture cookie keeps the choice on this browser, for visitors and after signing out.
public sealed class CultureModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        if (PortalCultures.Find(culture) is { } chosen)
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = Request.IsHttps,
                });

            if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.MailCulture != chosen.Name)
            {
                user.MailCulture = chosen.Name;
                var saved = await users.UpdateAsync(user);
                if (!saved.Succeeded)
                {
                    throw new InvalidOperationException("The language could not be saved: " + string.Join("; ", saved.Errors.Select(e => e.Description)));
                }

                // The language travels in the sign-in cookie (read before authentication runs): refreshed now.
                await signIn.RefreshSignInAsync(user);
            }
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
