using CustomerPortal.Core;
using CustomerPortal.Data.Sqlite.Mirror;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Data.Sqlite;

internal sealed class SqliteDataSourceHealth(MirrorDbContext db, SqliteMirrorOptions options) : IDataSourceHealth
{
    public async Task<DataSourceStatus> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Reading a row proves the file is there and has the mirror schema, not just that SQLite opens it.
            var companies = await db.Companies.CountAsync(cancellationToken);
            return new DataSourceStatus(companies > 0, "Sqlite", $"SQLite mirror {options.MirrorPath}: {companies} legal entities");
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return new DataSourceStatus(false, "Sqlite", $"SQLite mirror {options.MirrorPath} unreadable: {ex.SqliteErrorCode}");
        }
    }
}
