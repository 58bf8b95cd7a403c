using CustomerPortal.PortalStore.Invitations;

namespace CustomerPortal.Web.Invitations;

// What inviting, re-sending or revoking did. Refusal is a resource key ("Invitations.Refused.<reason>").
public sealed record InvitationOutcome(Invitation? Invitation, string? Link, string? Refusal)
{
    public bool Succeeded => Refusal is null;

    public static InvitationOutcome Refused(string reason) => new(null, null, reason);
}
