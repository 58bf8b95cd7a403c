namespace CustomerPortal.Web.StatusMails;

// The "StatusMails" configuration section (README, "Status mails").
public sealed class StatusMailOptions
{
    public const string Section = "StatusMails";

    // Off: no instance polls (the preference can still be set). Tests that do not test mails turn it off.
    public bool Enabled { get; set; } = true;

    // How often the instance holding the lease reads the change feed; a change is mailed within about this long.
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    // How long a lease lasts without renewal: after a holder stops, another instance takes over after at most this.
    // Renewed at every poll, so it must be longer than PollInterval (three polls by default).
    public TimeSpan? LeaseDuration { get; set; }

    // Orders read per poll at most; a longer backlog (the first reading after installation) takes several polls.
    public int MaxOrdersPerPoll { get; set; } = 5000;

    // Identifies this instance in the lease row; a new one per process unless set.
    public string? InstanceId { get; set; }

    public TimeSpan Lease => LeaseDuration ?? PollInterval * 3;
}
