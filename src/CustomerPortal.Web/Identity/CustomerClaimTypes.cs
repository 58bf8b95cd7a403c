namespace CustomerPortal.Web.Identity;

// Claims the portal adds to a signed-in user, from the contact the user is linked to.
// The ids build the CustomerScope; the names are only for display (welcome text, user menu).
public static class CustomerClaimTypes
{
    private const string Prefix = "urn:customerportal:";

    public const string DisplayName = Prefix + "display_name";
    public const string ContactId = Prefix + "contact_id";
    public const string AccountId = Prefix + "account_id";
    public const string CompanyId = Prefix + "company_id";
    public const string PriceListId = Prefix + "price_list_id";
    public const string AccountNumber = Prefix + "account_number";
    public const string AccountName = Prefix + "account_name";
    public const string CompanyCode = Prefix + "company_code";

    // The language the user chose (PortalUser.MailCulture): their pages and their mails are in it.
    public const string Culture = Prefix + "culture";

    // The server-side session this cookie belongs to (PortalSessions); not a customer fact, but issued with them.
    public const string SessionId = Prefix + "session_id";
}
