namespace CustomerPortal.Web.Tests;

// The demo personas of seed/demo.json.
public static class Personas
{
    public const string Password = "Demo-Portal-2026!";
    public const string Representative = "rep@contoso.example";
    public const string RepresentativeName = "Rosa Representative";
    public const string AuthorizedUser = "buyer@contoso.example";
    public const string OtherCustomer = "buyer@fabrikam.example";
    public const string Administrator = "admin@portal.example";
    public const string AdministratorPassword = "Demo-Admin-2026!";
}
