using System.ComponentModel.DataAnnotations;
using CustomerPortal.PortalStore;
using CustomerPortal.Web.Resources;
using CustomerPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Areas.Identity.Pages.Account;

// The second step of sign-in for people with an authenticator app: a code from the app, or one of
// their recovery codes. Wrong codes count towards the same lockout as wrong passwords.
[EnableRateLimiting(SecurityServiceCollectionExtensions.CredentialsPolicy)]
public sealed class LoginWith2faModel(
    SignInManager<PortalUser> signInManager,
    CredentialThrottle throttle,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Manage.VerificationCode")]
    public string Code { get; set; } = "";

    public string ReturnUrl { get; private set; } = "/";

    public bool RememberMe { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, bool rememberMe)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        RememberMe = rememberMe;
        return await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, bool rememberMe)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        RememberMe = rememberMe;
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("./Login");
        }

        if (!throttle.TryAttempt(this, "two-factor", user.Id, field: nameof(Code)))
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length is 6 or 7 && code.All(char.IsAsciiDigit)
            ? await signInManager.TwoFactorAuthenticatorSignInAsync(code, rememberMe, rememberClient: false)
            : await signInManager.TwoFactorRecoveryCodeSignInAsync(Code.Trim());
        if (result.Succeeded)
        {
            user.LastSignInAt = DateTimeOffset.UtcNow;
            await signInManager.UserManager.UpdateAsync(user);
            return LocalRedirect(ReturnUrl);
        }

        ModelState.AddModelError(nameof(Code), localizer[result.IsLockedOut ? "Login.LockedOut" : "Manage.CodeInvalid"]);
        return Page();
    }
}
