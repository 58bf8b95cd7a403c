using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SQLitePCL;

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
// in the pool).
//
// Why: EF Core closes the connection after each query and again when the pool takes the context back. Each close
// disposes the connection's commands and with them the statements KeptStatements keeps compiled; each open also
// registers EF Core's SQL functions (ef_sum, regexp, ...) on the handle again, and each close unregisters them.
//
// It really closes:
// - when a request gave the context back with a transaction or a statement still open (a reader never disposed),
//   so the next request neither inherits the transaction nor reads an old snapshot: closing rolls back and resets;
// - when the application stops (ApplicationStopped), so the last connection folds the write-ahead log into the
//   database file as before: EF Core 10's pool does not dispose the contexts it holds when it ends;
// - when the context is disposed (a context beyond the pool's size, or one made without a pool).
//
// SqliteRelationalConnection is EF Core's internal API (EF1001): its close is the one place that sees both closes.
// If an EF Core update changes it, KeptStatementsTests fail (they read the connection's state and the statements
// SQLite holds on it). Reads stay as fresh as before: every statement still begins and ends its own read transaction
// (the data reader resets it when it closes), so an idle open connection holds no lock and sees each commit.
#pragma warning disable EF1001
internal sealed class KeptOpenConnection : SqliteRelationalConnection
{
    private readonly CancellationTokenRegistration _closeWhenStopped;
    private SqliteConnection? _opened;

    public KeptOpenConnection(
        RelationalConnectionDependencies dependencies,
        IRawSqlCommandBuilder rawSqlCommandBuilder,
        IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
        : base(dependencies, rawSqlCommandBuilder, logger)
    {
        var application = dependencies.ContextOptions.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var lifetime = application?.GetService<IHostApplicationLifetime>();
        _closeWhenStopped = lifetime?.ApplicationStopped.Register(static kept => ((KeptOpenConnection)kept!).CloseForGood(), this)
                            ?? default;
    }

    protected override void OpenDbConnection(bool errorsExpected)
    {
        base.OpenDbConnection(errorsExpected);
        _opened = (SqliteConnection)DbConnection;
    }

    protected override async Task OpenDbConnectionAsync(bool errorsExpected, CancellationToken cancellationToken)
    {
        await base.OpenDbConnectionAsync(errorsExpected, cancellationToken);
        _opened = (SqliteConnection)DbConnection;
    }

    protected override void CloseDbConnection()
    {
    }

    protected override Task CloseDbConnectionAsync() => Task.CompletedTask;

    protected override void ResetState(bool disposeDbConnection)
    {
        base.ResetState(disposeDbConnection);
        CloseIfLeftInUse();
    }

    protected override async ValueTask ResetStateAsync(bool disposeDbConnection)
    {
        await base.ResetStateAsync(disposeDbConnection);
        CloseIfLeftInUse();
    }

    public override void Dispose()
    {
        _closeWhenStopped.Dispose();
        base.Dispose();
    }

    public override async ValueTask DisposeAsync()
    {
        await _closeWhenStopped.DisposeAsync();
        await base.DisposeAsync();
    }

    // EF Core has rolled back the transactions it began; one begun on the connection itself, or a reader nobody
    // disposed, is still there.
    private void CloseIfLeftInUse()
    {
        if (_opened is { State: System.Data.ConnectionState.Open } connection
            && (raw.sqlite3_get_autocommit(connection.Handle) == 0 || KeptStatements.HasCommandsInUse(connection)))
        {
            CloseForGood();
        }
    }

    private void CloseForGood() => _opened?.Close();
}
#pragma warning restore EF1001
