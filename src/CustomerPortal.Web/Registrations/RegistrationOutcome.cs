namespace CustomerPortal.Web.Registrations;

// What approving or rejecting did. Refusal is a resource key suffix: "Registrations.Refused.<reason>"
// or, when the invitation was refused, "Invitations.Refused.<reason>".
public sealed record RegistrationOutcome(string? Refusal, string? InvitationLink, bool RefusedByInvitation = false)
{
    public bool Succeeded => Refusal is null;

    public string? RefusalKey => Refusal is null ? null : (RefusedByInvitation ? "Invitations.Refused." : "Registrations.Refused.") + Refusal;
}
