namespace CustomerPortal.Web.Identity;

public static class PortalPolicies
{
    // Signed in *and* linked to a customer account: the pages that show customer data.
    public const string Customer = "Customer";

    // Portal administration: invitations, users, audit log.
    public const string Administrator = "Administrator";

    // A customer representative with a customer scope: manages the people of their own account.
    public const string Representative = "Representative";
}
