namespace CustomerPortal.Web.Invitations;

// The "Invitations" configuration section.
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    public int ValidDays { get; set; } = 7;

    // The portal's address as people reach it from a mail (https://portal.example.com). Required once mail
    // leaves the machine (Mail:Host set): a link built from the request's Host header could otherwise be
    // pointed at another site by whoever sends the request. Only with the local pickup folder (demos,
    // development) may it stay empty, and then the request's address is used.
    public string? PublicUrl { get; set; }

    // The base of every link the portal mails: invitations and password resets.
    public string LinkBase(string requestBaseUrl) =>
        (string.IsNullOrWhiteSpace(PublicUrl) ? requestBaseUrl : PublicUrl).TrimEnd('/');
}
