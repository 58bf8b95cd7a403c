using System.ComponentModel.DataAnnotations;
using CustomerPortal.Web.Resources;
using CustomerPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Areas.Identity.Pages.Account;

// /Identity/Account/ResetPassword?code=…&email=…, from the mail ForgotPassword sends. A link that cannot
// be used changes nothing and says so; a new password follows the same policy as everywhere else.
[EnableRateLimiting(SecurityServiceCollectionExtensions.CredentialsPolicy)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ResetPasswordModel(
    PasswordResetService resets,
    CredentialThrottle throttle,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [StringLength(PasswordResetService.MaxCodeLength)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    [StringLength(256)]
    public string? Email { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public bool InvalidLink { get; private set; }

    public IActionResult OnGet()
    {
        InvalidLink = string.IsNullOrWhiteSpace(Code) || string.IsNullOrWhiteSpace(Email) || !ModelState.IsValid;
        if (InvalidLink)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!throttle.TryAttempt(this, "password-reset", Email))
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (invalidLink, passwordErrors) = await resets.ResetAsync(Email, Code, Input.Password, cancellationToken);
        if (invalidLink is not null)
        {
            InvalidLink = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (passwordErrors.Count > 0)
        {
            foreach (var error in passwordErrors)
            {
                ModelState.AddModelError("Input.Password", PasswordErrors.Describe(error, localizer));
            }

            return Page();
        }

        TempData["StatusMessage"] = "ResetPassword.Done";
        return RedirectToPage("./Login");
    }
}
