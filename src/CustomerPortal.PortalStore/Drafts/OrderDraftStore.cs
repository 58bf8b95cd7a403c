using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore.Drafts;

// Drafts of one user for one customer account. Every method takes both, so a draft never shows up
// for another user, nor for the same user after their contact moved to another account.
public sealed class OrderDraftStore
{
    private readonly PortalDbContext _db;

    internal OrderDraftStore(PortalDbContext db) => _db = db;

    // This request wrote drafts: a DraftsVersion read before (by the session check) no longer describes them.
    public bool WroteDrafts { get; private set; }

    public async Task<IReadOnlyList<OrderDraft>> ListOpenAsync(string userId, Guid accountId, CancellationToken cancellationToken) =>
        await _db.OrderDrafts
            .AsNoTracking()
            .Include(d => d.Lines)
            .Where(d => d.UserId == userId && d.AccountId == accountId && d.SubmittedOrderNumber == null)
            .OrderByDescending(d => d.ModifiedOn)
            .ToListAsync(cancellationToken);

    // Tracked, with its lines in order; SaveAsync writes the changes.
    public async Task<OrderDraft?> FindAsync(string userId, Guid accountId, Guid salesOrderId, CancellationToken cancellationToken)
    {
        var draft = await _db.OrderDrafts
            .Include(d => d.Lines)
            .SingleOrDefaultAsync(d => d.SalesOrderId == salesOrderId && d.UserId == userId && d.AccountId == accountId, cancellationToken);
        draft?.Lines.Sort((a, b) => a.Position.CompareTo(b.Position));
        return draft;
    }

    // The draft "Add to order" adds to: the user's most recently changed open draft for the account, with its
    // lines in order. Tracked, so SaveAsync writes the changes.
    public async Task<OrderDraft?> FindCurrentAsync(string userId, Guid accountId, CancellationToken cancellationToken)
    {
        var draft = await Current(userId, accountId).Include(d => d.Lines).FirstOrDefaultAsync(cancellationToken);
        draft?.Lines.Sort((a, b) => a.Position.CompareTo(b.Position));
        return draft;
    }

    // The same draft as the header sees it on every page: its id and what each line orders, in line order, and
    // nothing else (issue 16: the full rows made this the costliest query of a page).
    public async Task<CurrentDraftLines?> FindCurrentLinesAsync(string userId, Guid accountId, CancellationToken cancellationToken)
    {
        var found = await Current(userId, accountId)
            .Select(d => new { d.SalesOrderId, Lines = d.Lines.OrderBy(l => l.Position).Select(l => new { l.ProductId, l.Quantity }).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new CurrentDraftLines(found.SalesOrderId, [.. found.Lines.Select(l => (l.ProductId, l.Quantity))]);
    }

    private IQueryable<OrderDraft> Current(string userId, Guid accountId) => _db.OrderDrafts
        .Where(d => d.UserId == userId && d.AccountId == accountId && d.SubmittedOrderNumber == null)
        .OrderByDescending(d => d.ModifiedOn).ThenByDescending(d => d.SalesOrderId);

    // Every draft the user ever had for the account, submitted ones included (they are never deleted).
    public Task<int> CountAsync(string userId, Guid accountId, CancellationToken cancellationToken) =>
        _db.OrderDrafts.CountAsync(d => d.UserId == userId && d.AccountId == accountId, cancellationToken);

    public async Task AddAsync(OrderDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.CreatedOn = draft.ModifiedOn = DateTime.UtcNow;
        WroteDrafts = true;
        _db.OrderDrafts.Add(draft);
        await _db.SaveChangesAsync(cancellationToken);
    }

    // Adds the draft, or, when a draft with its id already exists for the same user and account (the
    // same form posted again at the same moment won the race), writes nothing and returns that one to
    // update instead. Any other conflict is not a retry and is thrown as it came.
    public async Task<OrderDraft> AddOrFindAsync(OrderDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        try
        {
            await AddAsync(draft, cancellationToken);
            return draft;
        }
        catch (DbUpdateException)
        {
            // Forget the failed insert only, so the next save of this request does not try it again.
            // A copy: detaching a line takes it out of draft.Lines.
            foreach (var line in draft.Lines.ToList())
            {
                _db.Entry(line).State = EntityState.Detached;
            }

            _db.Entry(draft).State = EntityState.Detached;
            if (await FindAsync(draft.UserId, draft.AccountId, draft.SalesOrderId, cancellationToken) is { } stored)
            {
                return stored;
            }

            throw;
        }
    }

    public async Task SaveAsync(OrderDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.ModifiedOn = DateTime.UtcNow;
        WroteDrafts = true;
        for (var i = 0; i < draft.Lines.Count; i++)
        {
            draft.Lines[i].Position = i + 1;
        }

        await _db.SaveChangesAsync(cancellationToken);
    }

    public void AddLine(OrderDraft draft, OrderDraftLine line)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(line);
        line.SalesOrderId = draft.SalesOrderId;
        draft.Lines.Add(line);
        _db.Add(line);
    }

    // Every way of adding to a draft (the items step, quick entry, upload, "Add to order", templates) merges alike:
    // one line per product, so adding an item the draft already has raises that line's quantity.
    public void AddOrMerge(OrderDraft draft, Guid productId, string itemNumber, string productName, decimal quantity)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Lines.FirstOrDefault(l => l.ProductId == productId) is { } existing)
        {
            existing.Quantity += quantity;
            return;
        }

        AddLine(draft, new OrderDraftLine
        {
            SalesOrderLineId = Guid.NewGuid(),
            Position = draft.Lines.Count + 1,
            ProductId = productId,
            ItemNumber = itemNumber,
            ProductName = productName,
            Quantity = quantity,
        });
    }

    public void RemoveLine(OrderDraft draft, OrderDraftLine line)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.Lines.Remove(line);
        _db.Remove(line);
    }

    public async Task<bool> DiscardAsync(string userId, Guid accountId, Guid salesOrderId, CancellationToken cancellationToken)
    {
        WroteDrafts = true;
        return await _db.OrderDrafts
            .Where(d => d.SalesOrderId == salesOrderId && d.UserId == userId && d.AccountId == accountId && d.SubmittedOrderNumber == null)
            .ExecuteDeleteAsync(cancellationToken) > 0;
    }

    // A single UPDATE, so twenty requests racing to record the same submit all succeed and agree.
    public Task MarkSubmittedAsync(Guid salesOrderId, string orderNumber, CancellationToken cancellationToken)
    {
        WroteDrafts = true;
        return _db.OrderDrafts
            .Where(d => d.SalesOrderId == salesOrderId && d.SubmittedOrderNumber == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.SubmittedOrderNumber, orderNumber)
                .SetProperty(d => d.SubmittedOn, DateTime.UtcNow), cancellationToken);
    }
}

// The current draft's id and its lines' products and quantities, in line order: what the header prices.
public sealed record CurrentDraftLines(Guid SalesOrderId, IReadOnlyList<(Guid ProductId, decimal Quantity)> Lines);
