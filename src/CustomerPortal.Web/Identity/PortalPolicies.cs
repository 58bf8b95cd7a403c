namespace CustomerPortal.Web.Identity;

public static class PortalPolicies
{
    // Signed in *and* linked to a customer account: the pages that show customer data.
    public const string Customer = "Customer";
}
