using CustomerPortal.Core;
using CustomerPortal.Data.Sqlite.Mirror;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Data.Sqlite;

internal sealed class SqliteDataSourceHealth(MirrorDbContext db) : IDataSourceHealth
{
    public async Task<DataSourceStatus> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The readiness endpoint is anonymous, so the description names the source but never a server path.
            // Reading a row proves the file is there and has the mirror schema, not just that SQLite opens it.
            var companies = await db.Companies.CountAsync(cancellationToken);
            return new DataSourceStatus(companies > 0, "Sqlite", $"SQLite mirror: {companies} legal entities");
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return new DataSourceStatus(false, "Sqlite", $"SQLite mirror unreadable: SQLite error {ex.SqliteErrorCode}");
        }
    }
}
