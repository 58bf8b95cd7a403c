using CustomerPortal.PortalStore;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Web.Invitations;

// User is set when the account was created. Otherwise either the invitation cannot be used
// (Unusable: "Unknown", "Expired", "Revoked", "Redeemed", "ContactChanged") or the password was refused.
public sealed record RedemptionOutcome(PortalUser? User, string? Unusable, IReadOnlyList<IdentityError> PasswordErrors);
