using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Invitations;
using CustomerPortal.Web.Invitations;
using CustomerPortal.Web.Resources;
using CustomerPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages;

// /Invitation?code=…: the invitee chooses a password, becomes a portal user linked to the invited
// contact and is signed in. A code that cannot be used gets an explanation and creates nothing.
[EnableRateLimiting(SecurityServiceCollectionExtensions.CredentialsPolicy)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class InvitationModel(
    InvitationService invitations,
    SignInManager<PortalUser> signInManager,
    CredentialThrottle throttle,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    // Set when the code cannot be used: "Unknown", "Expired", "Revoked", "Redeemed" or "ContactChanged".
    public string? Unusable { get; private set; }

    public string Email { get; private set; } = "";

    public string ContactName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            // Redeeming while signed in as someone else would be confusing; sign out first.
            Unusable = "SignedIn";
            return Page();
        }

        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            Unusable = "SignedIn";
            return Page();
        }

        if (!throttle.TryAttempt(this, "invitation", Code))
        {
            return await ShowAsync(cancellationToken);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }

        var outcome = await invitations.RedeemAsync(Code, Input.Password, cancellationToken);
        if (outcome.Unusable is { } unusable)
        {
            Unusable = unusable;
            Response.StatusCode = unusable == "Unknown" ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
            return Page();
        }

        if (outcome.User is not { } user)
        {
            foreach (var error in outcome.PasswordErrors)
            {
                ModelState.AddModelError("Input.Password", PasswordErrors.Describe(error, localizer));
            }

            return await ShowAsync(cancellationToken);
        }

        await signInManager.SignInAsync(user, isPersistent: false);
        user.LastSignInAt = DateTimeOffset.UtcNow;
        await signInManager.UserManager.UpdateAsync(user);
        TempData["StatusMessage"] = "Invitation.Welcome";
        return LocalRedirect("/");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (await invitations.FindByCodeAsync(Code, cancellationToken) is not { } found)
        {
            Unusable = "Unknown";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (found.State != InvitationState.Open)
        {
            Unusable = found.State.ToString();
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        Email = found.Invitation.Email;
        ContactName = found.Invitation.ContactName;
        return Page();
    }
}
