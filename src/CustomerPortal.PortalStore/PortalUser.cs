using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.PortalStore;

// A person who can sign in to the portal. Customer users are linked to a Dataverse contact
// (contact.contactid); the contact, not the user, says which customer account and legal entity they act for.
public sealed class PortalUser : IdentityUser
{
    // A lockout this far away is an administrator's (or representative's) decision, not failed sign-ins.
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public Guid? ContactId { get; set; }

    public string DisplayName { get; set; } = "";

    public DateTimeOffset? LastSignInAt { get; set; }

    // Status mails (StatusMails/): off until the user asks for them on their profile.
    public bool WantsStatusMails { get; set; }

    // The user's language (a culture name such as "sv-SE"), the one stored preference: set by the language
    // picker while signed in (or by the invitation they accepted), it chooses their pages' language over the
    // browser's and every mail sent to them (status mails, password reset). Null: not chosen yet.
    public string? MailCulture { get; set; }

    // Access disabled by an administrator or a representative, not a lockout after failed sign-ins.
    public bool IsDisabled => LockoutEnd >= DisabledUntil;
}
