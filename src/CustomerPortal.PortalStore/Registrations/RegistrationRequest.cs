namespace CustomerPortal.PortalStore.Registrations;

// Someone asking for portal access (only while Registration:AllowSelfRegistration is on). It creates no
// user and no contact: an administrator links it to a prepared contact, which sends a normal invitation,
// or rejects it. What the requester typed is only a hint for that administrator. Times are UTC.
public sealed class RegistrationRequest
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string CompanyName { get; set; } = "";

    // The customer account number as the requester knows it; never trusted, never used to scope anything.
    public string? AccountNumber { get; set; }

    public string? Message { get; set; }

    public DateTime CreatedAt { get; set; }

    public RegistrationState State { get; set; } = RegistrationState.Pending;

    public DateTime? DecidedAt { get; set; }

    public string? DecidedByUserId { get; set; }

    public string? DecidedByName { get; set; }

    public string? RejectionReason { get; set; }

    // The contact it was linked to and the invitation that was sent, once approved.
    public Guid? ContactId { get; set; }

    public Guid? InvitationId { get; set; }
}
