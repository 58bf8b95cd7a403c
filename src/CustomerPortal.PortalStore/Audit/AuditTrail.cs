using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore.Audit;

// Who did what, when. An entry joins the scope's unit of work: it is stored with the action it records,
// or not at all. Add it before Identity's UserManager saves the action; otherwise RecordAsync saves both.
public sealed class AuditTrail
{
    private readonly PortalDbContext _db;
    private readonly TimeProvider _clock;

    internal AuditTrail(PortalDbContext db, TimeProvider clock) => (_db, _clock) = (db, clock);

    public async Task<IReadOnlyList<AuditEntry>> ListLatestAsync(int count, CancellationToken cancellationToken) =>
        await _db.AuditLog.AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(cancellationToken);

    // The actor is named by its sign-in name, which every principal Identity issues carries.
    public void Add(ClaimsPrincipal actor, string action, string subject, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        _db.AuditLog.Add(new AuditEntry
        {
            At = _clock.GetUtcNow().UtcDateTime,
            ActorUserId = actor.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            ActorName = actor.Identity?.Name ?? "",
            Action = action,
            Subject = Truncate(subject, 512),
            Details = details is null ? null : Truncate(details, 2000),
        });
    }

    // Adds the entry and saves it with every change the caller made to what it found in the portal store.
    public async Task RecordAsync(ClaimsPrincipal actor, string action, string subject, string? details, CancellationToken cancellationToken)
    {
        Add(actor, action, subject, details);
        await _db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
