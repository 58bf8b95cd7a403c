namespace CustomerPortal.Core;

// Role names as stored in the portal's identity store and used in [Authorize] attributes.
public static class PortalRoles
{
    public const string Administrator = "Administrator";
    public const string CustomerRepresentative = "CustomerRepresentative";
    public const string AuthorizedUser = "AuthorizedUser";

    public static readonly IReadOnlyList<string> All = [Administrator, CustomerRepresentative, AuthorizedUser];

    public static CustomerRole? ToCustomerRole(string role) => role switch
    {
        CustomerRepresentative => CustomerRole.CustomerRepresentative,
        AuthorizedUser => CustomerRole.AuthorizedUser,
        _ => null,
    };
}
