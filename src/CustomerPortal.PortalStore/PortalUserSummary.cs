namespace CustomerPortal.PortalStore;

// A portal user as the administration pages list it.
public sealed record PortalUserSummary(
    string UserId,
    string Email,
    string DisplayName,
    Guid? ContactId,
    string Role,
    DateTimeOffset? LastSignInAt,
    bool IsLockedOut,
    bool IsDisabled);
