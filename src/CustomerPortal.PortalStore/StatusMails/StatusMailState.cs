namespace CustomerPortal.PortalStore.StatusMails;

// The status-mail worker's single row (Id 1, made by the migration): how far it has read the change feed,
// and which portal instance may send (the lease). Times are UTC.
public sealed class StatusMailState
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    // The high-water mark: modifiedon and salesorderid of the last order recorded. Null before the first reading.
    public DateTime? MarkModifiedOn { get; set; }

    public Guid? MarkSalesOrderId { get; set; }

    // False until the first reading after installation has gone through every order (recorded, not mailed).
    public bool BaselineDone { get; set; }

    public string? LeaseHolder { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }
}

// A status mail written in the same transaction that records the changes it tells about, and deleted once
// the mail server took it: a restart neither loses nor recomputes it (the transactional outbox).
public sealed class StatusMailOutboxEntry
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
