using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerPortal.PortalStore;

// Let 'dotnet ef' build each context without the web host (which refuses to start without a portal
// store). Adding a migration never opens the database, so the file name and the server are placeholders.
internal sealed class SqlitePortalDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=design-time-portal.db").Options);
}

internal sealed class PostgresPortalDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=design-time.invalid;Database=portal").Options);
}
