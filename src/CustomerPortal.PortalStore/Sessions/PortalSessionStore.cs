using CustomerPortal.PortalStore.Drafts;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore.Sessions;

// The server side of the sign-in cookie: every request of a signed-in user asks IsCurrentAsync, so
// sign-out, a changed security stamp (password, lock, role) or a disabled or removed user ends the
// session on every instance at its next request. The store is shared by the instances, so nothing is cached.
public sealed class PortalSessionStore
{
    // How far behind LastSeenAt may fall; abandoned rows are deleted this long after the cookie expired.
    public static readonly TimeSpan SeenPrecision = TimeSpan.FromMinutes(30);

    private readonly PortalDbContext _db;
    private readonly TimeProvider _clock;

    internal PortalSessionStore(PortalDbContext db, TimeProvider clock) => (_db, _clock) = (db, clock);

    // idleLifetime: how long the cookie lives without a request (sliding). Rows unused for longer belong to
    // cookies that can no longer be presented: each sign-in deletes them, so the table stays small.
    public async Task<Guid> StartAsync(string userId, TimeSpan idleLifetime, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var abandoned = now - idleLifetime - SeenPrecision;
        await _db.Sessions.Where(s => s.LastSeenAt < abandoned).ExecuteDeleteAsync(cancellationToken);

        var session = new PortalSession { Id = Guid.NewGuid(), UserId = userId, StartedAt = now, LastSeenAt = now };
        _db.Sessions.Add(session);
        await _db.SaveChangesAsync(cancellationToken);
        // Rows are changed by ExecuteUpdate and ExecuteDelete only; a tracked copy would make a later
        // cascade (removing the user in the same scope) delete a row that is gone and fail.
        _db.Entry(session).State = EntityState.Detached;
        return session.Id;
    }

    // The statement of CheckAsync, compiled once: it runs on every signed-in request.
    private static readonly CompiledPerModel<Func<PortalDbContext, Guid, string, CancellationToken, Task<SessionRow?>>> FindSession =
        new(() => EF.CompileAsyncQuery((PortalDbContext db, Guid sessionId, string userId, CancellationToken cancellationToken) =>
            (from session in db.Sessions
             where session.Id == sessionId && session.UserId == userId
             join user in db.Users on session.UserId equals user.Id
             select new SessionRow
             {
                 LastSeenAt = session.LastSeenAt,
                 SecurityStamp = user.SecurityStamp,
                 LockoutEnd = user.LockoutEnd,
                 OpenDrafts = db.OrderDrafts.Count(d => d.UserId == userId && d.SubmittedOrderNumber == null),
                 LastDraftChange = db.OrderDrafts.Where(d => d.UserId == userId && d.SubmittedOrderNumber == null).Max(d => (DateTime?)d.ModifiedOn),
             })
            .AsNoTracking()
            .FirstOrDefault()));

    public Task EndAsync(Guid sessionId, CancellationToken cancellationToken) =>
        _db.Sessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken);

    // One query by primary keys: the session is still open, belongs to this user, the user's security stamp
    // is the one the cookie was issued with, and no administrator or representative has disabled the user.
    // A lockout after wrong passwords is not a reason: anyone can cause it.
    public async Task<bool> IsCurrentAsync(Guid sessionId, string userId, string? securityStamp, CancellationToken cancellationToken) =>
        (await CheckAsync(sessionId, userId, securityStamp, cancellationToken)).State == SessionState.Current;

    // The same check, saying why a session is refused (for the log: "signed out" and "stamp changed" mean different
    // things to an operator). The same statement reads the version of the user's drafts: a signed-in page's header
    // shows the current draft, and one statement per request costs much less than two (issue 16).
    public async Task<SessionCheck> CheckAsync(Guid sessionId, string userId, string? securityStamp, CancellationToken cancellationToken)
    {
        var found = await FindSession.For(_db)(_db, sessionId, userId, cancellationToken);
        if (found is null)
        {
            return new SessionCheck(SessionState.Ended, default);
        }

        if (found.LockoutEnd >= PortalUser.DisabledUntil)
        {
            return new SessionCheck(SessionState.UserDisabled, default);
        }

        if (securityStamp is null || !string.Equals(found.SecurityStamp, securityStamp, StringComparison.Ordinal))
        {
            return new SessionCheck(SessionState.SecurityStampChanged, default);
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        if (now - found.LastSeenAt > SeenPrecision)
        {
            await _db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastSeenAt, now), cancellationToken);
        }

        return new SessionCheck(SessionState.Current, new DraftsVersion(found.OpenDrafts, found.LastDraftChange));
    }
}

internal sealed class SessionRow
{
    public DateTime LastSeenAt { get; init; }

    public string? SecurityStamp { get; init; }

    public DateTimeOffset? LockoutEnd { get; init; }

    public int OpenDrafts { get; init; }

    public DateTime? LastDraftChange { get; init; }
}

// DraftsVersion is read only for a current session.
public readonly record struct SessionCheck(SessionState State, DraftsVersion DraftsVersion);

public enum SessionState
{
    Current,

    // Signed out, or never started on this store (a cookie from another store or a forged one).
    Ended,

    // Password, two-step settings, role or access changed since the cookie was issued.
    SecurityStampChanged,

    // Locked or disabled by an administrator or the customer's representative.
    UserDisabled,
}
