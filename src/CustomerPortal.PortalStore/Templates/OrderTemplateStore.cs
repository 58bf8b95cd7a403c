using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore.Templates;

// Order templates of one customer account and legal entity, as one user may see them: their own, and
// the shared ones (saved by a representative). Who may change a shared one is the pages' rule.
public sealed class OrderTemplateStore
{
    private readonly PortalDbContext _db;
    private readonly TimeProvider _time;

    internal OrderTemplateStore(PortalDbContext db, TimeProvider time) => (_db, _time) = (db, time);

    public async Task<IReadOnlyList<OrderTemplateSummary>> ListVisibleAsync(TemplateViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return await Visible(viewer)
            .OrderBy(t => t.NormalizedName).ThenBy(t => t.OwnerName).ThenBy(t => t.Id)
            .Select(t => new OrderTemplateSummary(t.Id, t.Name, t.OwnerUserId, t.OwnerName, t.IsShared, t.Lines.Count, t.ModifiedOn))
            .ToListAsync(cancellationToken);
    }

    // Tracked, with its lines in order; SaveAsync writes the changes. Null for an id the viewer may not see.
    public async Task<OrderTemplate?> FindVisibleAsync(TemplateViewer viewer, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var template = await Visible(viewer).Include(t => t.Lines).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        template?.Lines.Sort((a, b) => a.Position.CompareTo(b.Position));
        return template;
    }

    // Whether the viewer already owns another template of this name in their account.
    public Task<bool> NameTakenAsync(TemplateViewer viewer, string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var normalized = OrderTemplate.Normalize(name);
        return _db.OrderTemplates.AnyAsync(t => t.AccountId == viewer.AccountId && t.CompanyId == viewer.CompanyId
            && t.OwnerUserId == viewer.UserId && t.NormalizedName == normalized && t.Id != exceptId, cancellationToken);
    }

    // False, and nothing written, when the owner has a template of that name already (two tabs saving at once).
    public async Task<bool> AddAsync(OrderTemplate template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        template.CreatedOn = template.ModifiedOn = _time.GetUtcNow().UtcDateTime;
        template.NormalizedName = OrderTemplate.Normalize(template.Name);
        Renumber(template);
        _db.OrderTemplates.Add(template);
        return await TrySaveAsync(template, cancellationToken);
    }

    // False, and nothing written, when a rename meets another template of the owner's.
    public Task<bool> SaveAsync(OrderTemplate template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        template.ModifiedOn = _time.GetUtcNow().UtcDateTime;
        template.NormalizedName = OrderTemplate.Normalize(template.Name);
        Renumber(template);
        return TrySaveAsync(template, cancellationToken);
    }

    public void RemoveLine(OrderTemplate template, OrderTemplateLine line)
    {
        ArgumentNullException.ThrowIfNull(template);
        template.Lines.Remove(line);
        _db.Remove(line);
    }

    // One DELETE scoped like every read: an id the viewer may not see deletes nothing. Its lines go with it.
    public async Task<bool> DeleteAsync(TemplateViewer viewer, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return await Visible(viewer).Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private IQueryable<OrderTemplate> Visible(TemplateViewer viewer) => _db.OrderTemplates.Where(t =>
        t.AccountId == viewer.AccountId && t.CompanyId == viewer.CompanyId && (t.IsShared || t.OwnerUserId == viewer.UserId));

    private static void Renumber(OrderTemplate template)
    {
        for (var i = 0; i < template.Lines.Count; i++)
        {
            template.Lines[i].Position = i + 1;
            template.Lines[i].TemplateId = template.Id;
        }
    }

    private async Task<bool> TrySaveAsync(OrderTemplate template, CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Forget the failed write, so nothing of it is tried again in this request.
            _db.ChangeTracker.Clear();
            if (await NameTakenAsync(new TemplateViewer(template.OwnerUserId, template.AccountId, template.CompanyId), template.Name, template.Id, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }
}
