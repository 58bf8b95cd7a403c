using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<PortalUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasIndex(u => u.ContactId);
        });

        // Microsoft.Data.Sqlite retries a statement that meets a busy database, except one with a RETURNING
        // clause (dotnet/efcore#30851): two sign-ins saving at the same moment ended on the error page with
        // "database is locked". Without RETURNING, EF Core checks the row count with a separate statement.
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            entityType.UseSqlReturningClause(false);
        }
    }
}
