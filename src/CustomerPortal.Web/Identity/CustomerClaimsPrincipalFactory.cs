using System.Security.Claims;
using CustomerPortal.Core.Contacts;
using CustomerPortal.PortalStore;
using CustomerPortal.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Identity;

// Runs at sign-in and again at every security-stamp validation, so a contact moved to another
// account (or stripped of one) is reflected within the validation interval.
public sealed class CustomerClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    IContactAdministration contacts)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CustomerClaimTypes.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        AddIfPresent(identity, CustomerClaimTypes.Culture, PortalCultures.Find(user.MailCulture)?.Name);

        if (user.ContactId is not { } contactId
            || await contacts.FindAsync(contactId, CancellationToken.None) is not { } contact)
        {
            return identity;
        }

        identity.AddClaim(new Claim(CustomerClaimTypes.ContactId, contact.ContactId.ToString()));
        AddIfPresent(identity, CustomerClaimTypes.AccountId, contact.AccountId?.ToString());
        AddIfPresent(identity, CustomerClaimTypes.CompanyId, contact.CompanyId?.ToString());
        AddIfPresent(identity, CustomerClaimTypes.PriceListId, contact.PriceListId?.ToString());
        AddIfPresent(identity, CustomerClaimTypes.AccountNumber, contact.AccountNumber);
        AddIfPresent(identity, CustomerClaimTypes.AccountName, contact.AccountName);
        AddIfPresent(identity, CustomerClaimTypes.CompanyCode, contact.CompanyCode);
        return identity;
    }

    private static void AddIfPresent(ClaimsIdentity identity, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            identity.AddClaim(new Claim(type, value));
        }
    }
}
