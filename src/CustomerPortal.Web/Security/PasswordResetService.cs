using System.Globalization;
using System.Security.Claims;
using System.Text;
using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Audit;
using CustomerPortal.Web.Administration;
using CustomerPortal.Web.Invitations;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Mail;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Security;

// "Forgot your password?": a link with Identity's password-reset token, mailed only to an existing,
// enabled user. The token is bound to the security stamp, which the reset changes: the link works
// once, and every other session of that user ends at its next stamp check.
public sealed class PasswordResetService(
    UserManager<PortalUser> users,
    IPortalMailSender mail,
    AuditTrail audit,
    IOptions<InvitationOptions> invitationOptions,
    IOptions<DataProtectionTokenProviderOptions> tokenOptions,
    IStringLocalizer<SharedResource> localizer)
{
    public const int MaxCodeLength = 2000;

    // Sends the link when the address belongs to an enabled user; the caller answers the same either way.
    public async Task RequestAsync(string email, string requestBaseUrl, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not { } user || user.IsDisabled || user.Email is null)
        {
            return;
        }

        // In the user's language; one who never chose one asked in this request's language, so gets that.
        using var reader = CultureScope.Use(PortalCultures.Find(user.MailCulture) ?? CultureInfo.CurrentUICulture);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = $"{invitationOptions.Value.LinkBase(requestBaseUrl)}/Identity/Account/ResetPassword?code={Uri.EscapeDataString(code)}&email={Uri.EscapeDataString(user.Email)}";
        var hours = Math.Max(1, (int)Math.Round(tokenOptions.Value.TokenLifespan.TotalHours)).ToString(CultureInfo.CurrentCulture);
        var body = localizer["ResetMail.Body", user.DisplayName, link, hours];
        await mail.SendAsync(new PortalMail(user.Email, localizer["ResetMail.Subject"], body), cancellationToken);
    }

    // Null when the password was changed; "InvalidLink" when the link cannot be used (unknown or disabled
    // user, bad, expired or used token); otherwise the password's problems.
    public async Task<(string? InvalidLink, IReadOnlyList<IdentityError> PasswordErrors)> ResetAsync(string? email, string? code, string password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength
            || await users.FindByEmailAsync(email) is not { } user || user.IsDisabled)
        {
            return ("InvalidLink", []);
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return ("InvalidLink", []);
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? ("InvalidLink", [])
                : (null, [.. result.Errors]);
        }

        var actor = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Email ?? user.Id)], "password-reset"));
        await audit.RecordAsync(actor, AuditActions.PasswordReset, $"{user.DisplayName} <{user.Email}>", null, cancellationToken);
        return (null, []);
    }
}
