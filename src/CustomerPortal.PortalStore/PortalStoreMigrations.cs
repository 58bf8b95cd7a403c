using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerPortal.PortalStore;

// The one way a portal store gets its schema: the web app at start-up, the seed command and the tests
// all call this, so a store is always on the latest migration before anyone reads it.
public static class PortalStoreMigrations
{
    // Applies the migrations of the store's provider (Migrations/Sqlite or Migrations/Postgres: each
    // context class only sees its own set).
    public static async Task MigratePortalStoreAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var store = services.GetRequiredService<PortalStoreOptions>();
        if (store.Provider == PortalStoreProvider.Sqlite && !store.Create && await IsOnLatestMigrationAsync(store, cancellationToken))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (store.Provider == PortalStoreProvider.Sqlite)
        {
            await BaselineStoreMadeBeforeMigrationsAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            // Write-ahead logging, as the mirror has: every signed-in request reads its session here, and with the
            // default rollback journal each read took the file locks (and waited while a draft was being saved).
            // The mode is kept in the file, so setting it at every start is a no-op after the first.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            return;
        }

        try
        {
            // EF Core would create a missing database; like a missing SQLite file, it is refused unless
            // the caller is making the store, so a typo in the database name cannot start an empty portal.
            if (!store.Create && !await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
            {
                throw new InvalidOperationException(
                    $"The portal store database '{db.Database.GetDbConnection().Database}' named by {PortalStoreOptions.ConnectionStringKey} does not exist. "
                    + PortalStoreOptions.HowToCreate);
            }

            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when ((e as NpgsqlException ?? e.InnerException as NpgsqlException) is { } cause)
        {
            // EF Core wraps a failure to connect in its own advice about transient errors; the cause is what
            // the operator needs. Npgsql's messages name the host, the user or the database, never the password.
            var detail = cause.InnerException is { } inner ? $"{cause.Message} ({inner.Message})" : cause.Message;
            throw new InvalidOperationException(
                $"The portal store cannot be opened with {PortalStoreOptions.ConnectionStringKey}: {detail}", e);
        }
    }

    // A start that skipped the migrator has not built the context's model yet: it is built on a thread-pool
    // thread once the portal has sent its first answer, so the first signed-in page does not wait for it. Not
    // as soon as the portal listens: on a 2-core server that build JIT-compiled thousands of EF Core methods on
    // the second core while the first request (a /healthz probe, the sign-in page) was being JIT-compiled on
    // the first, and made the cold start to the first /healthz answer slower (issue 16: 3.67 s against 3.01 s,
    // median of 5, alternated, on a busy 2-core machine). Costs every later request one read of a flag.
    public static IApplicationBuilder PreparePortalStoreAfterFirstAnswer(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.ApplicationServices;
        var prepared = 0;
        return app.Use((context, next) =>
        {
            if (Volatile.Read(ref prepared) == 0 && Interlocked.Exchange(ref prepared, 1) == 0)
            {
                context.Response.OnCompleted(() =>
                {
                    PrepareInBackground(services);
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
    }

    private static void PrepareInBackground(IServiceProvider services) =>
        _ = Task.Run(() =>
        {
            try
            {
                using var scope = services.CreateScope();
                _ = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Model;
            }
            catch (ObjectDisposedException)
            {
                // The portal stopped first: there is nothing left to prepare.
            }
        });

    // What nearly every start finds: the store already on this build's last migration, in WAL mode. Asked
    // with one plain SQLite connection, because asking EF Core (history, Migrate) first builds the context's
    // services, its model and the migrations' models, which was over half of the portal's cold start
    // (issue 16); the pages build the model when they first need it. Anything else (an older or newer
    // store, no history, another journal mode, a store being made) takes the full path below.
    private static async Task<bool> IsOnLatestMigrationAsync(PortalStoreOptions store, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(store.SqlitePath);
        if (!File.Exists(path))
        {
            return false;
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 30, Pooling = false };
        await using var connection = new SqliteConnection(connectionString.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        if (!string.Equals(await command.ExecuteScalarAsync(cancellationToken) as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory;";
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        return applied.SetEquals(SqliteMigrationIds.Value);
    }

    // The ids of the SQLite context's migrations, read from their attributes as EF Core's migrations assembly reads them.
    private static readonly Lazy<string[]> SqliteMigrationIds = new(() => typeof(SqlitePortalDbContext).Assembly.GetTypes()
        .Where(type => type.IsSubclassOf(typeof(Migration))
            && type.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqlitePortalDbContext))
        .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .ToArray());

    // Stores made before the portal had migrations were created with EnsureCreated (and topped up by a
    // hand-written upgrade): they hold users, drafts and invitations but no __EFMigrationsHistory, so
    // Migrate would try to create every table again and fail. Such a store is brought to the initial
    // migration's shape (only what is missing is created, nothing is dropped or rewritten) and recorded
    // as being on it; Migrate then applies whatever came after.
    private static async Task BaselineStoreMadeBeforeMigrationsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (await history.ExistsAsync(cancellationToken)
            || !await db.GetService<IRelationalDatabaseCreator>().HasTablesAsync(cancellationToken))
        {
            return;
        }

        var migrations = db.GetService<IMigrationsAssembly>();
        // Migration ids start with a UTC timestamp, so the smallest id is the initial migration.
        var (initialId, initialType) = migrations.Migrations.MinBy(m => m.Key, StringComparer.Ordinal);
        var initial = migrations.CreateMigration(initialType, db.Database.ProviderName!);

        var missing = new List<MigrationOperation>();
        foreach (var operation in initial.UpOperations)
        {
            if (!await ExistsAsync(db, operation, cancellationToken))
            {
                missing.Add(operation);
            }
        }

        var targetModel = db.GetService<IModelRuntimeInitializer>().Initialize(initial.TargetModel!);
        var statements = db.GetService<IMigrationsSqlGenerator>().Generate(missing, targetModel).Select(c => c.CommandText)
            .Append(history.GetCreateIfNotExistsScript())
            .Append(history.GetInsertScript(new HistoryRow(initialId, ProductInfo.GetVersion())));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    // Stores made before migrations exist only as SQLite files (the PostgreSQL store came with
    // migrations), so sqlite_master answers. The initial
    // migration creates tables and indexes and nothing else; an existing one is already in its shape.
    private static async Task<bool> ExistsAsync(PortalDbContext db, MigrationOperation operation, CancellationToken cancellationToken)
    {
        var (type, name) = operation switch
        {
            CreateTableOperation table => ("table", table.Name),
            CreateIndexOperation index => ("index", index.Name),
            _ => throw new NotSupportedException($"The initial migration is not expected to contain a {operation.GetType().Name}."),
        };

        var found = await db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = {type} AND name = {name}")
            .SingleAsync(cancellationToken);
        return found > 0;
    }
}
