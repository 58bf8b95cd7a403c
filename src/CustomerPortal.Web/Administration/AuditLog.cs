using System.Security.Claims;
using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Audit;
using CustomerPortal.Web.Identity;

namespace CustomerPortal.Web.Administration;

// Writes who did what, when. Entries are added to the caller's unit of work: the caller's
// SaveChangesAsync stores the action and its audit entry together, or neither.
public sealed class AuditLog(PortalDbContext db, TimeProvider clock)
{
    public void Add(ClaimsPrincipal actor, string action, string subject, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actor.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            ActorName = actor.Identity?.Name ?? actor.DisplayName(),
            Action = action,
            Subject = Truncate(subject, 512),
            Details = details is null ? null : Truncate(details, 2000),
        });
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
