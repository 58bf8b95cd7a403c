using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore;

// Portal users as the pages and onboarding look them up. Changes go through Identity's UserManager.
public sealed class PortalUsers
{
    private readonly PortalDbContext _db;
    private readonly TimeProvider _clock;

    internal PortalUsers(PortalDbContext db, TimeProvider clock) => (_db, _clock) = (db, clock);

    // Tracked, for UserManager: nothing stops two sign-ins being linked to one contact.
    public async Task<IReadOnlyList<PortalUser>> ListOfContactAsync(Guid contactId, CancellationToken cancellationToken) =>
        await _db.Users.Where(u => u.ContactId == contactId).ToListAsync(cancellationToken);

    // Those of the contacts that have at least one portal user.
    public async Task<IReadOnlyList<Guid>> ListContactsWithAccessAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken) =>
        await _db.Users.Where(u => u.ContactId != null && contactIds.Contains(u.ContactId.Value)).Select(u => u.ContactId!.Value).ToListAsync(cancellationToken);

    // A user linked to the contact, or signing in with its e-mail (normalized as UserManager does), already has access.
    public Task<bool> AnyOfContactOrEmailAsync(Guid contactId, string? normalizedEmail, CancellationToken cancellationToken) =>
        _db.Users.AnyAsync(u => u.ContactId == contactId || (normalizedEmail != null && u.NormalizedEmail == normalizedEmail), cancellationToken);

    // The first 200 users by name, as the administration pages list them. The search matches e-mail or
    // name anywhere; contactIds, when given, keeps only the users of those contacts.
    public async Task<IReadOnlyList<PortalUserSummary>> ListAsync(string? search, IReadOnlyCollection<Guid>? contactIds, CancellationToken cancellationToken)
    {
        var query = _db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Case-insensitive on every provider (PostgreSQL's LIKE is not, SQLite's only for ASCII): the
            // pattern is upper-cased as Identity upper-cases NormalizedEmail, and the display name by upper()
            // (Unicode on both, see AddPortalStore). Wildcards typed by the administrator are taken literally.
            var pattern = "%" + search.Trim().ToUpperInvariant()
                .Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(u => EF.Functions.Like(u.NormalizedEmail!, pattern, "\\") || EF.Functions.Like(u.DisplayName.ToUpper(), pattern, "\\"));
        }

        if (contactIds is not null)
        {
            query = query.Where(u => u.ContactId != null && contactIds.Contains(u.ContactId.Value));
        }

        var rows = await query
            .OrderBy(u => u.DisplayName)
            .ThenBy(u => u.Email)
            .Take(200)
            .Select(u => new
            {
                User = u,
                Role = _db.UserRoles.Where(ur => ur.UserId == u.Id).Join(_db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        return [.. rows.Select(row => new PortalUserSummary(
            row.User.Id, row.User.Email ?? "", row.User.DisplayName, row.User.ContactId, row.Role ?? "", row.User.LastSignInAt,
            row.User.LockoutEnd > now, row.User.IsDisabled))];
    }

    // Reading the users table proves the store opens *and* carries the identity schema; throws the provider's
    // DbException (SqliteException, NpgsqlException) otherwise.
    public Task ProbeAsync(CancellationToken cancellationToken) =>
        _db.Users.AsNoTracking().Select(user => user.Id).FirstOrDefaultAsync(cancellationToken);
}
