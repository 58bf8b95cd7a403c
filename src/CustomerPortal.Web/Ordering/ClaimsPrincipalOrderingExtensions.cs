using System.Security.Claims;

namespace CustomerPortal.Web.Ordering;

public static class ClaimsPrincipalOrderingExtensions
{
    // The portal user id (Identity's NameIdentifier) that owns drafts.
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The signed-in user has no id claim.");
}
