using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerPortal.PortalStore;

// A query EF Core compiles once (EF.CompileAsyncQuery) for a statement that runs on every request, so it skips
// the per-call expression walk and query-cache lookup (issue 16). EF ties a compiled query to the one model it
// first ran with and throws on any other; the SQLite and PostgreSQL stores, and each test host, have their own
// model, so there is one compiled delegate per model.
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = new();

    public TQuery For(DbContext db) =>
        compiled.TryGetValue(db.Model, out var query) ? query : compiled.GetValue(db.Model, _ => compile());
}
