using System.ComponentModel.DataAnnotations;
using CustomerPortal.PortalStore;
using CustomerPortal.Web.Demo;
using CustomerPortal.Web.Resources;
using CustomerPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Areas.Identity.Pages.Account;

[EnableRateLimiting(SecurityServiceCollectionExtensions.CredentialsPolicy)]
public sealed partial class LoginModel(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> userManager,
    DemoPersonas demoPersonas,
    CredentialThrottle throttle,
    IStringLocalizer<SharedResource> localizer,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string ReturnUrl { get; private set; } = "/";

    // Empty unless Portal:DemoMode is on.
    public IReadOnlyList<DemoPersona> Personas => demoPersonas.All;

    public IActionResult OnGet(string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        return User.Identity?.IsAuthenticated == true ? LocalRedirect(ReturnUrl) : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        // A checkbox posts "true"; anything else is "not ticked", not an error: the checkbox tag helper
        // cannot render a non-boolean attempted value and would fail the page (issue 10).
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.RememberMe)}");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await SignInAsync(Input.Email, Input.Password, Input.RememberMe);
    }

    // "Sign in as…" on the demo card posts only the e-mail; the password comes from the persona list,
    // and only while demo mode is on.
    public async Task<IActionResult> OnPostPersonaAsync(string? email, string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (demoPersonas.Find(email) is not { } persona)
        {
            return NotFound();
        }

        // The card does not post the sign-in form, so its empty fields must not show as errors.
        ModelState.Clear();
        return await SignInAsync(persona.Email, persona.Password, rememberMe: false);
    }

    private async Task<IActionResult> SignInAsync(string email, string password, bool rememberMe)
    {
        // One message for an unknown e-mail and a wrong password, so sign-in does not reveal who has an account.
        var error = localizer["Login.Invalid"];
        if (!throttle.TryAttempt(this, "sign-in", email))
        {
            return Page();
        }

        if (await userManager.FindByEmailAsync(email) is { } user)
        {
            var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                user.LastSignInAt = DateTimeOffset.UtcNow;
                await userManager.UpdateAsync(user);
                LogSignedIn(logger, user.Id);
                return LocalRedirect(ReturnUrl);
            }

            if (result.RequiresTwoFactor)
            {
                return RedirectToPage("./LoginWith2fa", new { returnUrl = ReturnUrl, rememberMe });
            }

            if (result.IsLockedOut)
            {
                LogLockedOut(logger, user.Id);
                error = localizer["Login.LockedOut"];
            }
        }

        ModelState.AddModelError(string.Empty, error);
        return Page();
    }

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in.")]
    private static partial void LogSignedIn(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} is locked out after failed sign-ins.")]
    private static partial void LogLockedOut(ILogger logger, string userId);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Login.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [DataType(DataType.Password)]
        [Display(Name = "Login.Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Login.RememberMe")]
        public bool RememberMe { get; set; }
    }
}
