using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerPortal.PortalStore;

// Lets 'dotnet ef' build the context without the web host (which refuses to start without a seeded
// portal.db). Adding a migration never opens the database, so the file name is only a placeholder.
internal sealed class PortalDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=design-time-portal.db").Options);
}
