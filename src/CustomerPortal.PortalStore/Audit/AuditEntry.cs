namespace CustomerPortal.PortalStore.Audit;

// One administrative action: who did what to whom, when (UTC). Written in the same unit of work as the
// action where possible, never updated, never deleted by the portal.
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string ActorUserId { get; set; } = "";

    public string ActorName { get; set; } = "";

    // A stable word ("InvitationSent", "UserLocked"); the audit page localizes it.
    public string Action { get; set; } = "";

    // Whom or what it was done to, readable on its own (e-mail, contact name, account number).
    public string Subject { get; set; } = "";

    public string? Details { get; set; }
}
