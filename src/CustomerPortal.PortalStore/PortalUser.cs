using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.PortalStore;

// A person who can sign in to the portal. Customer users are linked to a Dataverse contact
// (contact.contactid); the contact, not the user, says which customer account and legal entity they act for.
public sealed class PortalUser : IdentityUser
{
    public Guid? ContactId { get; set; }

    public string DisplayName { get; set; } = "";

    public DateTimeOffset? LastSignInAt { get; set; }
}
