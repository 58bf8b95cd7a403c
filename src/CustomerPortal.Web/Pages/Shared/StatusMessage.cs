namespace CustomerPortal.Web.Pages.Shared;

// What a post leaves for the page it redirects to: a resource key, and while mails go to the pickup
// folder the invitation link it sent, so a demo can open the invitation without a mail server.
public sealed record StatusMessage(string? Key, string? InvitationLink = null);
