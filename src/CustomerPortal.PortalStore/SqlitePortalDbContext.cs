using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore;

// The portal store in a SQLite file; its migrations are in Migrations/Sqlite.
// One context class per provider is EF Core's plainest way to keep two sets of migrations in one
// project: each migration names its context type, so 'dotnet ef migrations add X --context
// SqlitePortalDbContext' (or PostgresPortalDbContext) writes a set that only that provider ever applies.
internal sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Microsoft.Data.Sqlite retries a statement that meets a busy database, except one with a RETURNING
        // clause (dotnet/efcore#30851): two sign-ins saving at the same moment ended on the error page with
        // "database is locked". Without RETURNING, EF Core checks the row count with a separate statement.
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            entityType.UseSqlReturningClause(false);
        }
    }
}
