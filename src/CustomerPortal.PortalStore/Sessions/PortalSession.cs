namespace CustomerPortal.PortalStore.Sessions;

// One sign-in of one user, as long as its cookie may be used. The cookie names the row; signing out
// deletes it, so a copy of the cookie is refused on the next request. Times are UTC.
public sealed class PortalSession
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public DateTime StartedAt { get; set; }

    // Moved forward at most every SeenPrecision, not on every request: it only decides when an
    // abandoned row may be deleted, and a write per request would cost more than the check itself.
    public DateTime LastSeenAt { get; set; }
}
