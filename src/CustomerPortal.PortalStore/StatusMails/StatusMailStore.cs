using CustomerPortal.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore.StatusMails;

// The status-mail worker's side of the portal store: the lease, the high-water mark, what it last saw of each
// order, and the outbox. Shared by every portal instance, so nothing is cached.
public sealed class StatusMailStore
{
    private readonly PortalDbContext _db;
    private readonly TimeProvider _clock;

    internal StatusMailStore(PortalDbContext db, TimeProvider clock) => (_db, _clock) = (db, clock);

    // Takes the lease when it is free or expired, or renews it when this instance holds it: one conditional
    // UPDATE, atomic on SQLite and PostgreSQL alike, so of two instances asking at once exactly one gets it.
    public async Task<bool> TryHoldLeaseAsync(string instanceId, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var taken = await _db.StatusMailStates
            .Where(s => s.Id == StatusMailState.SingletonId && (s.LeaseHolder == instanceId || s.LeaseExpiresAt == null || s.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseHolder, instanceId).SetProperty(x => x.LeaseExpiresAt, until), cancellationToken);
        return taken == 1;
    }

    // Lets another instance take over at once (a clean shutdown), instead of after the lease expires.
    public Task ReleaseLeaseAsync(string instanceId, CancellationToken cancellationToken) =>
        _db.StatusMailStates.Where(s => s.Id == StatusMailState.SingletonId && s.LeaseHolder == instanceId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseHolder, (string?)null).SetProperty(x => x.LeaseExpiresAt, (DateTime?)null), cancellationToken);

    public async Task<(OrderChangeMark? Mark, bool BaselineDone)> ReadMarkAsync(CancellationToken cancellationToken)
    {
        var state = await _db.StatusMailStates.AsNoTracking().SingleAsync(s => s.Id == StatusMailState.SingletonId, cancellationToken);
        var mark = state is { MarkModifiedOn: { } modifiedOn, MarkSalesOrderId: { } id }
            ? new OrderChangeMark(DateTime.SpecifyKind(modifiedOn, DateTimeKind.Utc), id)
            : null;
        return (mark, state.BaselineDone);
    }

    public async Task<Dictionary<Guid, OrderWatch>> FindWatchesAsync(IReadOnlyCollection<Guid> salesOrderIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, OrderWatch>();
        // In chunks: a first reading may bring thousands of orders, more than a statement takes parameters for.
        foreach (var chunk in salesOrderIds.Chunk(500))
        {
            foreach (var watch in await _db.OrderWatches.AsNoTracking().Where(w => chunk.Contains(w.SalesOrderId)).ToListAsync(cancellationToken))
            {
                found[watch.SalesOrderId] = watch;
            }
        }

        return found;
    }

    // Orders that were not late when last seen and are late today: the date passed without a row change.
    public async Task<IReadOnlyList<OrderWatch>> ListBecameLateAsync(DateOnly today, int max, CancellationToken cancellationToken)
    {
        var open = DeliveryRules.OpenStatuses.ToArray();
        return await _db.OrderWatches.AsNoTracking()
            .Where(w => !w.WasLate && open.Contains(w.Status) && (w.ConfirmedReceiptDate ?? w.RequestedReceiptDate) < today)
            .OrderBy(w => w.SalesOrderId)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    // Users who asked for status mails and can receive them: a confirmed e-mail, a linked contact, not disabled.
    // Who may see which order is the caller's business (the ownership rule, with the contact's account).
    public async Task<IReadOnlyList<StatusMailRecipient>> ListRecipientsAsync(CancellationToken cancellationToken)
    {
        var users = await _db.Users.AsNoTracking()
            .Where(u => u.WantsStatusMails && u.ContactId != null && u.EmailConfirmed && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.ContactId, u.MailCulture, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from userRole in _db.UserRoles
                           join role in _db.Roles on userRole.RoleId equals role.Id
                           where ids.Contains(userRole.UserId)
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        // LockoutEnd is compared here: SQLite cannot compare DateTimeOffset values in SQL.
        return [.. users
            .Where(u => !(u.LockoutEnd >= PortalUser.DisabledUntil))
            .Select(u => new StatusMailRecipient(u.Id, u.Email!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName, u.ContactId!.Value, u.MailCulture,
                [.. roles.Where(r => r.UserId == u.Id && r.Name is not null).Select(r => r.Name!)]))];
    }

    // One transaction, and only while this instance holds the lease: what was seen of each order, the mails
    // telling about it, and the new high-water mark. Either all of it is recorded or none, so a crash or a
    // lost lease leaves the next poll to read the same changes again and decide the same way.
    public async Task<bool> RecordAsync(string instanceId, IReadOnlyCollection<OrderWatch> seen, IReadOnlyCollection<StatusMailOutboxEntry> mails,
        OrderChangeMark? mark, bool baselineDone, CancellationToken cancellationToken)
    {
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var held = await _db.StatusMailStates
            .Where(s => s.Id == StatusMailState.SingletonId && s.LeaseHolder == instanceId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.MarkModifiedOn, mark == null ? null : mark.ModifiedOn)
                .SetProperty(x => x.MarkSalesOrderId, mark == null ? null : mark.SalesOrderId)
                .SetProperty(x => x.BaselineDone, baselineDone), cancellationToken);
        if (held != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        var ids = seen.Select(w => w.SalesOrderId).ToList();
        var existing = new Dictionary<Guid, OrderWatch>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var watch in await _db.OrderWatches.Where(w => chunk.Contains(w.SalesOrderId)).ToListAsync(cancellationToken))
            {
                existing[watch.SalesOrderId] = watch;
            }
        }

        foreach (var watch in seen)
        {
            if (existing.TryGetValue(watch.SalesOrderId, out var row))
            {
                _db.Entry(row).CurrentValues.SetValues(watch);
            }
            else
            {
                _db.OrderWatches.Add(watch);
            }
        }

        _db.StatusMailOutbox.AddRange(mails);
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _db.ChangeTracker.Clear();
        return true;
    }

    public async Task<IReadOnlyList<StatusMailOutboxEntry>> ListOutboxAsync(int max, CancellationToken cancellationToken) =>
        await _db.StatusMailOutbox.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(max).ToListAsync(cancellationToken);

    public Task RemoveFromOutboxAsync(Guid id, CancellationToken cancellationToken) =>
        _db.StatusMailOutbox.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken);
}

// A portal user who asked for status mails; Roles are their Identity role names.
public sealed record StatusMailRecipient(string UserId, string Email, string DisplayName, Guid ContactId, string? Culture, IReadOnlyList<string> Roles);
