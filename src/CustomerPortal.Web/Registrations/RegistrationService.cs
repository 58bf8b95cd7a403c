using System.Security.Claims;
using CustomerPortal.Core.Contacts;
using CustomerPortal.PortalStore.Audit;
using CustomerPortal.PortalStore.Registrations;
using CustomerPortal.Web.Administration;
using CustomerPortal.Web.Identity;
using CustomerPortal.Web.Invitations;
using CustomerPortal.Web.Mail;
using CustomerPortal.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Registrations;

// Access requests. A request never creates a user or a contact: approving it means an administrator
// picked the prepared contact it belongs to, and the invitation service invites that contact as usual.
public sealed class RegistrationService(
    RegistrationRequestStore requests,
    InvitationService invitations,
    IPortalMailSender mail,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // Stores the request; a second pending request from the same address is not stored again. The caller
    // answers the same either way.
    public async Task SubmitAsync(RegistrationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Id = Guid.NewGuid();
        request.Email = request.Email.Trim();
        request.CreatedAt = Now;
        request.State = RegistrationState.Pending;
        await requests.AddUnlessPendingAsync(request, cancellationToken);
    }

    public async Task<RegistrationOutcome> ApproveAsync(RegistrationRequest request, ContactCandidate contact, string role, ClaimsPrincipal actor, string requestBaseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(contact);
        if (request.State != RegistrationState.Pending)
        {
            return new RegistrationOutcome("Decided", null);
        }

        // The request form does not ask for a language: the invitation goes out in the portal's default.
        var invited = await invitations.InviteAsync(contact, role, InvitationLanguage.Default, actor, requestBaseUrl, cancellationToken);
        if (!invited.Succeeded)
        {
            return new RegistrationOutcome(invited.Refusal, null, RefusedByInvitation: true);
        }

        request.State = RegistrationState.Approved;
        request.ContactId = contact.ContactId;
        request.InvitationId = invited.Invitation!.Id;
        Decide(request, actor);
        await audit.RecordAsync(actor, AuditActions.RegistrationApproved, Describe(request),
            $"{contact.FullName} <{contact.Email}> ({contact.AccountNumber}), {role}", cancellationToken);
        return new RegistrationOutcome(null, invited.Link);
    }

    public async Task<RegistrationOutcome> RejectAsync(RegistrationRequest request, string reason, bool notify, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.State != RegistrationState.Pending)
        {
            return new RegistrationOutcome("Decided", null);
        }

        request.State = RegistrationState.Rejected;
        request.RejectionReason = reason.Trim();
        Decide(request, actor);
        await audit.RecordAsync(actor, AuditActions.RegistrationRejected, Describe(request), request.RejectionReason, cancellationToken);

        if (notify)
        {
            var body = localizer["RegistrationMail.Rejected.Body", request.Name, request.RejectionReason];
            await mail.SendAsync(new PortalMail(request.Email, localizer["RegistrationMail.Rejected.Subject"], body), cancellationToken);
        }

        return new RegistrationOutcome(null, null);
    }

    private void Decide(RegistrationRequest request, ClaimsPrincipal actor)
    {
        request.DecidedAt = Now;
        request.DecidedByUserId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        request.DecidedByName = actor.DisplayName();
    }

    private static string Describe(RegistrationRequest request) =>
        $"{request.Name} <{request.Email}> ({request.CompanyName}{(string.IsNullOrEmpty(request.AccountNumber) ? "" : ", " + request.AccountNumber)})";
}
