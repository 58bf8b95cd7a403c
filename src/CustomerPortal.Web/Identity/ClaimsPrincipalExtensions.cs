using System.Security.Claims;
using CustomerPortal.Core;

namespace CustomerPortal.Web.Identity;

public static class ClaimsPrincipalExtensions
{
    // The only way pages learn whose data to show. Null for administrators and for users whose
    // contact has no customer account or legal entity yet; the "Customer" policy keeps both out.
    public static CustomerScope? GetCustomerScope(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(PortalRoles.Administrator))
        {
            return null;
        }

        var role = user.FindAll(ClaimTypes.Role)
            .Select(claim => PortalRoles.ToCustomerRole(claim.Value))
            .FirstOrDefault(customerRole => customerRole is not null);

        return role is { } customerRole
            && GuidClaim(user, CustomerClaimTypes.ContactId) is { } contactId
            && GuidClaim(user, CustomerClaimTypes.AccountId) is { } accountId
            && GuidClaim(user, CustomerClaimTypes.CompanyId) is { } companyId
            ? new CustomerScope(contactId, accountId, companyId, GuidClaim(user, CustomerClaimTypes.PriceListId), customerRole)
            : null;
    }

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(PortalRoles.Administrator);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(CustomerClaimTypes.DisplayName) ?? user.Identity?.Name ?? "";

    private static Guid? GuidClaim(ClaimsPrincipal user, string type) =>
        Guid.TryParse(user.FindFirstValue(type), out var value) ? value : null;
}
