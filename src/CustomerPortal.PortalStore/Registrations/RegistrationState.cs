namespace CustomerPortal.PortalStore.Registrations;

public enum RegistrationState
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}
