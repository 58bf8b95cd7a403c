using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerPortal.Data.Sqlite.Mirror;

// A query EF Core compiles once (EF.CompileAsyncQuery), kept per model: EF ties a compiled query to the one model
// it first ran with and throws on any other, and each test host builds its own. The portal store has the same
// class for its own statements (CustomerPortal.PortalStore, which this project does not reference).
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = new();

    public TQuery For(DbContext db) =>
        compiled.TryGetValue(db.Model, out var query) ? query : compiled.GetValue(db.Model, _ => compile());
}
