using System.ComponentModel.DataAnnotations;
using System.Text;
using CustomerPortal.PortalStore;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Areas.Identity.Pages.Account.Manage;

// Authenticator-app (TOTP) sign-in with recovery codes. No QR code: the page works offline and
// ships no third-party script, so the key is shown in groups for typing into the app.
public sealed class TwoFactorModel(
    UserManager<PortalUser> userManager,
    SignInManager<PortalUser> signInManager,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int RecoveryCodeCount = 10;

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "Manage.CodeInvalid")]
    [Display(Name = "Manage.VerificationCode")]
    public string Code { get; set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    // Shown once, right after they are made; the store keeps only what it needs to check them.
    [TempData]
    public string? RecoveryCodes { get; set; }

    public bool IsEnabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public string SharedKey { get; private set; } = "";

    public string AuthenticatorUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), localizer["Manage.CodeInvalid"]);
            await LoadAsync(user);
            return Page();
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = string.Join(' ', await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []);
        await signInManager.RefreshSignInAsync(user);
        StatusMessage = "Manage.TwoFactorEnabled";
        return RedirectToPage();
    }

    // The key is made on request, never by showing the page: a new key changes the security stamp, which
    // ends the user's other sessions, and merely looking at this page must not sign out their other devices.
    public async Task<IActionResult> OnPostKeyAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user || user.TwoFactorEnabled)
        {
            return NotFound();
        }

        if (string.IsNullOrEmpty(await userManager.GetAuthenticatorKeyAsync(user)))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            // Without a refreshed cookie this very session would end at its next request too.
            await signInManager.RefreshSignInAsync(user);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user || !user.TwoFactorEnabled)
        {
            return NotFound();
        }

        RecoveryCodes = string.Join(' ', await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []);
        StatusMessage = "Manage.RecoveryCodesNew";
        return RedirectToPage();
    }

    // Only what is on can be turned off: otherwise the new key and stamp below would end the user's sessions
    // on every other device for nothing (found by the fuzz test).
    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user || !user.TwoFactorEnabled)
        {
            return NotFound();
        }

        await userManager.SetTwoFactorEnabledAsync(user, false);
        // A new key, so an old phone that still has the previous one cannot be used if it is turned on again.
        await userManager.ResetAuthenticatorKeyAsync(user);
        await signInManager.RefreshSignInAsync(user);
        StatusMessage = "Manage.TwoFactorDisabled";
        return RedirectToPage();
    }

    private async Task LoadAsync(PortalUser user)
    {
        IsEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = IsEnabled ? await userManager.CountRecoveryCodesAsync(user) : 0;
        if (IsEnabled)
        {
            return;
        }

        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        SharedKey = Grouped(key);
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Customer portal")}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={Uri.EscapeDataString("Customer portal")}&digits=6";
    }

    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
