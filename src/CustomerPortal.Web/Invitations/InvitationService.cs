using System.Globalization;
using System.Security.Claims;
using CustomerPortal.Core;
using CustomerPortal.Core.Contacts;
using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Audit;
using CustomerPortal.PortalStore.Invitations;
using CustomerPortal.Web.Administration;
using CustomerPortal.Web.Identity;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Mail;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Invitations;

// Invitation-only onboarding: a prepared contact gets a single-use, expiring code by e-mail and becomes
// a portal user linked to that contact when it redeems it. Who may invite whom is decided by the
// callers (administrators anyone ready, representatives their own account's contacts as authorized users).
public sealed class InvitationService(
    InvitationStore store,
    PortalUsers portalUsers,
    UserManager<PortalUser> users,
    IContactAdministration contacts,
    IPortalMailSender mail,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<InvitationOptions> options,
    IStringLocalizer<SharedResource> localizer)
{
    public static readonly IReadOnlyList<string> InvitableRoles = [PortalRoles.CustomerRepresentative, PortalRoles.AuthorizedUser];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // culture: the invitee's language as the inviter chose it (InvitationLanguage.For); the mail is written in it.
    public async Task<InvitationOutcome> InviteAsync(ContactCandidate contact, string role, CultureInfo culture, ClaimsPrincipal actor, string requestBaseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(culture);
        if (!InvitableRoles.Contains(role))
        {
            return InvitationOutcome.Refused("Role");
        }

        if (!contact.IsReady)
        {
            return InvitationOutcome.Refused("NotReady");
        }

        if (await HasPortalAccessAsync(contact, cancellationToken))
        {
            return InvitationOutcome.Refused("HasAccess");
        }

        var now = Now;
        if (await store.IsInvitedAsync(contact.ContactId, now, cancellationToken))
        {
            return InvitationOutcome.Refused("AlreadyInvited");
        }

        var code = InvitationCode.New();
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            ContactId = contact.ContactId,
            AccountId = contact.AccountId!.Value,
            AccountNumber = contact.AccountNumber ?? "",
            ContactName = contact.FullName,
            Email = contact.Email!.Trim(),
            Role = role,
            Culture = culture.Name,
            CodeHash = InvitationCode.Hash(code),
            CreatedAt = now,
            ExpiresAt = now.AddDays(Math.Max(1, options.Value.ValidDays)),
            InvitedByUserId = actor.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            InvitedByName = actor.DisplayName(),
        };
        store.Add(invitation);
        await audit.RecordAsync(actor, AuditActions.InvitationSent, Describe(invitation), role, cancellationToken);

        var link = await SendAsync(invitation, code, requestBaseUrl, cancellationToken);
        return new InvitationOutcome(invitation, link, null);
    }

    // A new code (the old one stops working) and a new expiry; a redeemed or revoked invitation stays as it is.
    public async Task<InvitationOutcome> ResendAsync(Invitation invitation, ClaimsPrincipal actor, string requestBaseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        if (invitation.StateAt(Now) is InvitationState.Redeemed or InvitationState.Revoked)
        {
            return InvitationOutcome.Refused("Closed");
        }

        var code = InvitationCode.New();
        invitation.CodeHash = InvitationCode.Hash(code);
        invitation.ExpiresAt = Now.AddDays(Math.Max(1, options.Value.ValidDays));
        await audit.RecordAsync(actor, AuditActions.InvitationResent, Describe(invitation), null, cancellationToken);

        var link = await SendAsync(invitation, code, requestBaseUrl, cancellationToken);
        return new InvitationOutcome(invitation, link, null);
    }

    public async Task<InvitationOutcome> RevokeAsync(Invitation invitation, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        if (invitation.StateAt(Now) is not (InvitationState.Open or InvitationState.Expired))
        {
            return InvitationOutcome.Refused("Closed");
        }

        invitation.RevokedAt = Now;
        await audit.RecordAsync(actor, AuditActions.InvitationRevoked, Describe(invitation), null, cancellationToken);
        return new InvitationOutcome(invitation, null, null);
    }

    // The invitation a code belongs to and whether it can still be used; null for an unknown code.
    public async Task<(Invitation Invitation, InvitationState State)?> FindByCodeAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > InvitationCode.MaxLength)
        {
            return null;
        }

        var hash = InvitationCode.Hash(code.Trim());
        var invitation = await store.FindByCodeHashAsync(hash, cancellationToken);
        return invitation is null ? null : (invitation, invitation.StateAt(Now));
    }

    public async Task<RedemptionOutcome> RedeemAsync(string? code, string password, CancellationToken cancellationToken)
    {
        if (await FindByCodeAsync(code, cancellationToken) is not { } found)
        {
            return new RedemptionOutcome(null, "Unknown", []);
        }

        var (invitation, state) = found;
        if (state != InvitationState.Open)
        {
            return new RedemptionOutcome(null, state.ToString(), []);
        }

        // The contact may have been moved or emptied since the invitation was sent.
        if (await contacts.FindCandidateAsync(invitation.ContactId, cancellationToken) is not { IsReady: true } contact
            || contact.AccountId != invitation.AccountId
            || await HasPortalAccessAsync(contact, cancellationToken))
        {
            return new RedemptionOutcome(null, "ContactChanged", []);
        }

        var user = new PortalUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = contact.FullName,
            ContactId = contact.ContactId,
            MailCulture = PortalCultures.Find(invitation.Culture)?.Name,
        };
        IdentityResult? created = null;
        var claimed = await store.RedeemAsync(invitation.Id, Now, async () =>
        {
            created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return null;
            }

            var roleAdded = await users.AddToRoleAsync(user, invitation.Role);
            if (!roleAdded.Succeeded)
            {
                throw new InvalidOperationException($"Adding role {invitation.Role} failed: {string.Join("; ", roleAdded.Errors.Select(e => e.Code))}");
            }

            var invitee = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, invitation.Email)], "invitation"));
            audit.Add(invitee, AuditActions.InvitationRedeemed, Describe(invitation), invitation.Role);
            return user.Id;
        }, cancellationToken);

        return !claimed ? new RedemptionOutcome(null, "Redeemed", [])
            : created is { Succeeded: false } ? new RedemptionOutcome(null, null, [.. created.Errors])
            : new RedemptionOutcome(user, null, []);
    }

    private Task<bool> HasPortalAccessAsync(ContactCandidate contact, CancellationToken cancellationToken) =>
        portalUsers.AnyOfContactOrEmailAsync(contact.ContactId, users.NormalizeEmail(contact.Email), cancellationToken);

    private static string Describe(Invitation invitation) => $"{invitation.ContactName} <{invitation.Email}> ({invitation.AccountNumber})";

    private async Task<string> SendAsync(Invitation invitation, string code, string requestBaseUrl, CancellationToken cancellationToken)
    {
        var link = $"{options.Value.LinkBase(requestBaseUrl)}/Invitation?code={Uri.EscapeDataString(code)}";
        using var reader = CultureScope.Use(InvitationLanguage.Of(invitation));
        var body = localizer["InvitationMail.Body", invitation.ContactName, invitation.InvitedByName, link,
            invitation.ExpiresAt.ToString("D", CultureInfo.CurrentCulture)];
        await mail.SendAsync(new PortalMail(invitation.Email, localizer["InvitationMail.Subject"], body), cancellationToken);
        return link;
    }
}
