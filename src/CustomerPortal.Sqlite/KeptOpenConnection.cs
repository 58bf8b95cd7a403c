using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerPortal.Sqlite;

public static class KeptStatementsOptions
{
    // For a pooled context (AddDbContextPool) on SQLite: its connection stays open while the context lives, and the
    // statements it runs stay compiled on it from one request to the next (KeptOpenConnection, KeptStatements).
    public static DbContextOptionsBuilder KeepStatementsCompiled(this DbContextOptionsBuilder options) =>
#pragma warning disable EF1001 // Internal EF Core API: see KeptOpenConnection.
        options.ReplaceService<ISqliteRelationalConnection, KeptOpenConnection>()
#pragma warning restore EF1001
            .AddInterceptors(KeptStatements.Instance);
}

// A pooled context's connection, opened on its first query and kept open while the context lives (in use or waiting
// in the pool); disposing the context (the pool's end, or a context beyond its size) closes it.
//
// Why: EF Core closes the connection after each query and again when the pool takes the context back. Each close
// disposes the connection's commands and with them the statements KeptStatements keeps compiled; each open also
// registers EF Core's SQL functions (ef_sum, regexp, ...) on the handle again, and each close unregisters them.
//
// SqliteRelationalConnection is EF Core's internal API (EF1001): its close is the one place that sees both closes.
// If an EF Core update changes it, the tests of KeptStatementsTests fail (they read the connection's state and the
// statements SQLite holds on it). Reads stay as fresh as before: every statement still begins and ends its own read
// transaction (the data reader resets it when it closes), so an open connection holds no lock and sees each commit.
#pragma warning disable EF1001
internal sealed class KeptOpenConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override void CloseDbConnection()
    {
    }

    protected override Task CloseDbConnectionAsync() => Task.CompletedTask;
}
#pragma warning restore EF1001
