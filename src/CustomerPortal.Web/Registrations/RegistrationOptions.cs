namespace CustomerPortal.Web.Registrations;

// The "Registration" configuration section. Off by default: people get access by invitation, after an
// administrator has prepared their contact. On, /Identity/Account/Register takes access requests that an
// administrator approves (by linking a prepared contact and sending its invitation) or rejects.
public sealed class RegistrationOptions
{
    public const string Section = "Registration";

    public bool AllowSelfRegistration { get; set; }
}
