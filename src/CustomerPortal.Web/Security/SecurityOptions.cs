namespace CustomerPortal.Web.Security;

// The "Security" configuration section: how hard the portal pushes back on guessing.
public sealed class SecurityOptions
{
    public const string Section = "Security";

    // Sign-in, invitation redemption and password-reset posts allowed per client IP address per minute.
    public int CredentialPostsPerIpPerMinute { get; set; } = 20;

    // The same posts allowed per account (e-mail address or invitation) per minute, whichever IP they come from.
    public int CredentialPostsPerAccountPerMinute { get; set; } = 6;
}
