using CustomerPortal.Web.Invitations;
using System.ComponentModel.DataAnnotations;
using CustomerPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerPortal.Web.Areas.Identity.Pages.Account;

// The same answer for every address, so this page does not reveal who has an account.
[EnableRateLimiting(SecurityServiceCollectionExtensions.CredentialsPolicy)]
public sealed class ForgotPasswordModel(
    PasswordResetService resets,
    CredentialThrottle throttle) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet(bool sent) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!throttle.TryAttempt(this, "password-reset", Input.Email))
        {
            return Page();
        }

        await resets.RequestAsync(Input.Email.Trim(), Request.BaseUrl(), cancellationToken);
        return RedirectToPage(new { sent = true });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Login.Email")]
        public string Email { get; set; } = "";
    }
}
