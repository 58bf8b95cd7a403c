using System.Security.Claims;
using CustomerPortal.Core;
using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Audit;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Web.Administration;

// Locking, unlocking, changing the role of and removing portal users, each with its audit entry.
// A changed security stamp ends the person's other sessions at the next stamp check.
// Refusals are resource keys ("Users.Refused.<reason>").
public sealed class PortalUserAdministration(UserManager<PortalUser> users, AuditTrail audit)
{
    public Task<PortalUser?> FindAsync(string? userId) => string.IsNullOrEmpty(userId) ? Task.FromResult<PortalUser?>(null) : users.FindByIdAsync(userId);

    public async Task<string?> DisableAsync(PortalUser user, ClaimsPrincipal actor, string action)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (IsSelf(user, actor))
        {
            return "Self";
        }

        audit.Add(actor, action, Describe(user));
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, PortalUser.DisabledUntil);
        await users.UpdateSecurityStampAsync(user);
        return null;
    }

    public async Task<string?> UnlockAsync(PortalUser user, ClaimsPrincipal actor)
    {
        ArgumentNullException.ThrowIfNull(user);
        audit.Add(actor, AuditActions.UserUnlocked, Describe(user));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return null;
    }

    // Only between the two customer roles: an administrator is never made from a customer contact, nor the reverse.
    public async Task<string?> ChangeRoleAsync(PortalUser user, string role, ClaimsPrincipal actor)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (IsSelf(user, actor))
        {
            return "Self";
        }

        var current = await users.GetRolesAsync(user);
        if (user.ContactId is null || PortalRoles.ToCustomerRole(role) is null || current.Contains(PortalRoles.Administrator))
        {
            return "Role";
        }

        if (current.SequenceEqual([role]))
        {
            return null;
        }

        audit.Add(actor, AuditActions.RoleChanged, Describe(user), $"{string.Join(", ", current)} → {role}");
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        return null;
    }

    // The user goes; the contact stays in the data source and can be invited again.
    public async Task<string?> RemoveAsync(PortalUser user, ClaimsPrincipal actor)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (IsSelf(user, actor))
        {
            return "Self";
        }

        audit.Add(actor, AuditActions.AccessRemoved, Describe(user));
        await users.DeleteAsync(user);
        return null;
    }

    private static bool IsSelf(PortalUser user, ClaimsPrincipal actor) =>
        string.Equals(user.Id, actor.FindFirstValue(ClaimTypes.NameIdentifier), StringComparison.Ordinal);

    private static string Describe(PortalUser user) => $"{user.DisplayName} <{user.Email}>";
}
