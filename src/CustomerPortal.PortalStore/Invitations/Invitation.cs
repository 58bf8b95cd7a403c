namespace CustomerPortal.PortalStore.Invitations;

// An invitation for one prepared contact to become a portal user with one role. Only the SHA-256 of
// the code is kept: a copy of portal.db does not let anyone redeem an open invitation. Times are UTC.
public sealed class Invitation
{
    public Guid Id { get; set; }

    public Guid ContactId { get; set; }

    // The contact's customer account when invited: representatives manage only their own account's invitations.
    public Guid AccountId { get; set; }

    public string AccountNumber { get; set; } = "";

    public string ContactName { get; set; } = "";

    public string Email { get; set; } = "";

    public string Role { get; set; } = "";

    // The invitee's language, chosen by the inviter (the contact has no language column to read it from):
    // the invitation mail is written in it and the new user's profile starts with it. Null before it existed.
    public string? Culture { get; set; }

    public string CodeHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public string InvitedByUserId { get; set; } = "";

    public string InvitedByName { get; set; } = "";

    public DateTime? RevokedAt { get; set; }

    public DateTime? RedeemedAt { get; set; }

    public string? RedeemedByUserId { get; set; }

    public InvitationState StateAt(DateTime utcNow) =>
        RedeemedAt is not null ? InvitationState.Redeemed
        : RevokedAt is not null ? InvitationState.Revoked
        : ExpiresAt <= utcNow ? InvitationState.Expired
        : InvitationState.Open;
}
