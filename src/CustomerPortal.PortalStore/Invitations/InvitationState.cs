namespace CustomerPortal.PortalStore.Invitations;

public enum InvitationState
{
    Open = 1,
    Redeemed = 2,
    Revoked = 3,
    Expired = 4,
}
