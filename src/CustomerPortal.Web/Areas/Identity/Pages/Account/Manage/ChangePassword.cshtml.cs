using System.ComponentModel.DataAnnotations;
using CustomerPortal.PortalStore;
using CustomerPortal.Web.Resources;
using CustomerPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Areas.Identity.Pages.Account.Manage;

public sealed class ChangePasswordModel(
    UserManager<PortalUser> userManager,
    SignInManager<PortalUser> signInManager,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        var result = await userManager.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, PasswordErrors.Describe(error, localizer));
            }

            return Page();
        }

        // The security stamp changed: other sessions end, this one is renewed.
        await signInManager.RefreshSignInAsync(user);
        StatusMessage = "Manage.PasswordChanged";
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [DataType(DataType.Password)]
        [Display(Name = "Manage.CurrentPassword")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [DataType(DataType.Password)]
        [Display(Name = "Invitation.Password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "Password.Mismatch")]
        [Display(Name = "Invitation.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }
}
