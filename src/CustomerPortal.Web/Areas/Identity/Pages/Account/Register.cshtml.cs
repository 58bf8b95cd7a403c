using System.ComponentModel.DataAnnotations;
using CustomerPortal.PortalStore.Registrations;
using CustomerPortal.Web.Registrations;
using CustomerPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Areas.Identity.Pages.Account;

// "Request access", only while Registration:AllowSelfRegistration is on (404 otherwise). It creates no
// account and asks for no password: an administrator reviews the request at /Admin/Registrations.
[EnableRateLimiting(SecurityServiceCollectionExtensions.CredentialsPolicy)]
public sealed class RegisterModel(
    RegistrationService registrations,
    IOptions<RegistrationOptions> options,
    CredentialThrottle throttle) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public IActionResult OnGet(bool sent)
    {
        if (!options.Value.AllowSelfRegistration)
        {
            return NotFound();
        }

        Sent = sent;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.AllowSelfRegistration)
        {
            return NotFound();
        }

        // Someone with a session already has access; a request from them would only confuse the review.
        if (SignedIn)
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!throttle.TryAttempt(this, "registration", Input.Email))
        {
            return Page();
        }

        await registrations.SubmitAsync(new RegistrationRequest
        {
            Name = Input.Name.Trim(),
            Email = Input.Email.Trim(),
            CompanyName = Input.CompanyName.Trim(),
            AccountNumber = string.IsNullOrWhiteSpace(Input.AccountNumber) ? null : Input.AccountNumber.Trim(),
            Message = string.IsNullOrWhiteSpace(Input.Message) ? null : Input.Message.Trim(),
        }, cancellationToken);
        return RedirectToPage(new { sent = true });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Register.Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Login.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Register.CompanyName")]
        public string CompanyName { get; set; } = "";

        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Register.AccountNumber")]
        public string? AccountNumber { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Register.Message")]
        public string? Message { get; set; }
    }
}
