using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace CustomerPortal.Data.Sqlite.Mirror;

// Turns on SQLite's query planner stability guarantee (SQLITE_DBCONFIG_ENABLE_QPSG) on every mirror connection,
// so each statement is compiled once instead of twice.
//
// Why: when a bound value could change a statement's plan (the LIMIT of every paged list, the LIKE pattern of
// every search), SQLite compiles the statement again on its first step after the values are bound
// (sqlite3_stmt_status REPREPARE = 1). Before the statements were kept (KeptStatements), every order list was
// compiled twice per request; a kept one would be compiled again whenever its values change, that is on nearly every
// run. Compiling costs more than running it (issue 16). With the guarantee, plans ignore bound values.
// The portal's searches are all "contains" patterns, which no index can serve anyway, and of the statements the
// portal runs only the catalogue's plan changes: it now sorts its page (one page of rows) rather than reading it
// in order. Measured on the large profile: the order list statement 207 -> 124 us, an order search 363 -> 280 us.
//
// The setting belongs to the SQLite handle, which stays open with its context (KeptOpenConnection) or in
// Microsoft.Data.Sqlite's pool between opens; setting it on each open is one native call and covers a new handle.
internal sealed class PrepareOnce : DbConnectionInterceptor
{
    public static readonly PrepareOnce Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        EnableQueryPlannerStability((SqliteConnection)connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        EnableQueryPlannerStability((SqliteConnection)connection);
        return Task.CompletedTask;
    }

    private static void EnableQueryPlannerStability(SqliteConnection connection)
    {
        var result = raw.sqlite3_db_config(connection.Handle, raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out int _);
        SqliteException.ThrowExceptionForRC(result, connection.Handle);
    }
}
