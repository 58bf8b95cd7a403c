namespace CustomerPortal.Web.Invitations;

// The "Invitations" configuration section.
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    public int ValidDays { get; set; } = 7;

    // The portal's address as invitees reach it (https://portal.example.com). When empty, the address of
    // the request that sent the invitation is used.
    public string? PublicUrl { get; set; }
}
