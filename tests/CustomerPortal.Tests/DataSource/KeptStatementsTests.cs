using System.Data.Common;
using System.Globalization;
using CustomerPortal.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SQLitePCL;

namespace CustomerPortal.Tests.DataSource;

// A pooled context with KeepStatementsCompiled (the mirror's and the SQLite portal store's): its connection stays
// open from one request to the next with the statements it ran still compiled, and yet every request reads what is
// committed, never another request's transaction, and gets its own rows when one statement runs twice at once.
public sealed class KeptStatementsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kept-statements-").FullName;
    private readonly ServiceProvider _services;
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    public KeptStatementsTests()
    {
        var path = Path.Combine(_directory, "items.db");
        using (var setUp = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            setUp.Open();
            using var create = setUp.CreateCommand();
            create.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE "Items" ("Id" INTEGER PRIMARY KEY, "Name" TEXT NOT NULL);
                INSERT INTO "Items" VALUES (1, 'bolt'), (2, 'nut'), (3, 'bolt'), (4, 'washer');
                """;
            create.ExecuteNonQuery();
        }

        ConnectionString = $"Data Source={path}";
        // A pool of one, so each request below gets the same context, as a quiet portal's requests do.
        _services = new ServiceCollection()
            .AddDbContextPool<ItemsContext>(
                db => db.UseSqlite(ConnectionString).KeepStatementsCompiled().AddInterceptors(new ListStatements()),
                poolSize: 1)
            .BuildServiceProvider();
    }

    private const int Runs = 6; // SQLITE_STMTSTATUS_RUN

    private string ConnectionString { get; }

    [Fact]
    public async Task AStatementRunInOneRequestRunsCompiledInTheNextWithItsNewValues()
    {
        Assert.Equal([1, 3], await InRequest(db => IdsNamed(db, "bolt")));

        var runs = await InRequest(async db =>
        {
            Assert.Equal([2], await IdsNamed(db, "nut"));
            return Statements(db, IdsNamedSql(db)).Select(statement => raw.sqlite3_stmt_status(statement, Runs, 0)).ToList();
        });

        // One statement of SQLite's, run twice: compiled in the first request, bound to the new value in the second.
        Assert.Equal([2], runs);
    }

    [Fact]
    public async Task ARequestReadsWhatWasCommittedSinceTheLastOne()
    {
        Assert.Equal(2, await InRequest(async db => (await IdsNamed(db, "bolt")).Count));

        await InsertElsewhere(5, "bolt");

        Assert.Equal([1, 3, 5], await InRequest(db => IdsNamed(db, "bolt")));
    }

    [Fact]
    public async Task ATransactionARequestLeftOpenIsRolledBackAndItsStatementRunsWithoutIt()
    {
        await InRequest(async db =>
        {
            await db.Database.BeginTransactionAsync(_cancellation);
            db.Items.Add(new Item { Id = 6, Name = "bolt" });
            await db.SaveChangesAsync(_cancellation);
            Assert.Equal([1, 3, 6], await IdsNamed(db, "bolt"));
            return 0; // never committed
        });

        Assert.Equal([1, 3], await InRequest(db => IdsNamed(db, "bolt")));
        // Reads are kept, writes are not (a batch's text changes with its number of rows).
        Assert.Empty(await InRequest(db => Task.FromResult(Statements(db, sql => sql.StartsWith("INSERT", StringComparison.Ordinal)))));
    }

    [Fact]
    public async Task OneStatementReadTwiceAtOnceGivesEachReaderItsOwnRows()
    {
        var pairs = await InRequest(async db =>
        {
            Assert.Equal([4], await IdsNamed(db, "washer")); // now kept, and the outer reader takes it
            var read = new List<string>();
            await foreach (var bolt in Named(db, "bolt").AsAsyncEnumerable().WithCancellation(_cancellation))
            {
                // The same statement as the outer reader's, while that one is mid-way.
                var nuts = await Named(db, "nut").ToArrayAsync(_cancellation);
                read.Add($"{bolt}: {string.Join(' ', nuts)}");
            }

            return read;
        });

        Assert.Equal(["1: 2", "3: 2"], pairs);
    }

    [Fact]
    public async Task StatementsBeyondTheLimitRunButAreNotKept()
    {
        var extra = 5;
        var kept = await InRequest(async db =>
        {
            for (var n = 0; n < KeptStatements.StatementsPerConnection + extra; n++)
            {
                // A text of its own each (the number is part of the SQL).
                var sql = "SELECT " + n.ToString(CultureInfo.InvariantCulture) + " AS \"Value\"";
                var value = await db.Database.SqlQueryRaw<int>(sql).SingleAsync(_cancellation);
                Assert.Equal(n, value);
            }

            return Statements(db, sql => sql.Contains(" AS \"Value\"", StringComparison.Ordinal));
        });

        Assert.Equal(KeptStatements.StatementsPerConnection, kept.Count);
    }

    [Fact]
    public async Task AReaderARequestLeftOpenDoesNotHoldTheNextRequestOnAnOldSnapshot()
    {
        await InRequest(async db =>
        {
            // Read one row and walk away: the statement stays mid-step, and with it its read transaction.
            var reader = Named(db, "bolt").AsAsyncEnumerable().GetAsyncEnumerator(_cancellation);
            Assert.True(await reader.MoveNextAsync());
            return reader;
        });

        await InsertElsewhere(5, "bolt");

        Assert.Equal([1, 3, 5], await InRequest(db => IdsNamed(db, "bolt")));
    }

    [Fact]
    public async Task ATransactionBegunOnTheConnectionAndLeftOpenIsRolledBackAndReleasesTheDatabase()
    {
        await InRequest(async db =>
        {
            await db.Database.OpenConnectionAsync(_cancellation);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var transaction = connection.BeginTransaction(deferred: false);
            await db.Database.UseTransactionAsync(transaction, _cancellation);
            db.Items.Add(new Item { Id = 7, Name = "bolt" });
            await db.SaveChangesAsync(_cancellation);
            return transaction; // neither committed nor disposed
        });

        // Another connection can write at once (the write lock is free), and the next request reads no trace of row 7.
        await InsertElsewhere(5, "bolt", busyTimeoutSeconds: 1);
        Assert.Equal([1, 3, 5], await InRequest(db => IdsNamed(db, "bolt")));
    }

    [Fact]
    public async Task StoppingTheApplicationClosesTheConnectionsSoTheWriteAheadLogIsFoldedIn()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDbContextPool<ItemsContext>(db => db.UseSqlite(ConnectionString).KeepStatementsCompiled());
        using var host = builder.Build();
        await host.StartAsync(_cancellation);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ItemsContext>();
            db.Items.Add(new Item { Id = 8, Name = "washer" });
            await db.SaveChangesAsync(_cancellation);
        }

        Assert.True(File.Exists(WriteAheadLog));
        await host.StopAsync(_cancellation);
        _services.Dispose(); // this class's own pool has not opened a connection; the host's is the only one
        SqliteConnection.ClearAllPools(); // as at the process's exit

        Assert.False(File.Exists(WriteAheadLog), "The last connection to close folds the log into the file and removes it.");
        await using var elsewhere = new SqliteConnection(ConnectionString + ";Pooling=False");
        await elsewhere.OpenAsync(_cancellation);
        await using var count = elsewhere.CreateCommand();
        count.CommandText = """SELECT count(*) FROM "Items" WHERE "Id" = 8""";
        Assert.Equal(1L, await count.ExecuteScalarAsync(_cancellation));
    }

    [Fact]
    public async Task DisposingAContextClosesItsConnection()
    {
        // The pool disposes a context beyond its size like this. (EF Core 10's pool does not dispose the contexts it
        // still holds when it ends itself; those close with the process, as Microsoft.Data.Sqlite's pooled ones do.)
        var options = new DbContextOptionsBuilder<ItemsContext>();
        options.UseSqlite(ConnectionString).KeepStatementsCompiled();
        SqliteConnection connection;
        await using (var db = new ItemsContext(options.Options))
        {
            Assert.Equal([2], await IdsNamed(db, "nut"));
            Assert.Equal([4], await IdsNamed(db, "washer"));
            connection = (SqliteConnection)db.Database.GetDbConnection();
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        }

        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<T> InRequest<T>(Func<ItemsContext, Task<T>> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await request(scope.ServiceProvider.GetRequiredService<ItemsContext>());
    }

    private static IQueryable<int> Named(ItemsContext db, string name) =>
        db.Items.Where(i => i.Name == name).OrderBy(i => i.Id).Select(i => i.Id);

    private string WriteAheadLog => Path.Combine(_directory, "items.db-wal");

    private async Task InsertElsewhere(int id, string name, int busyTimeoutSeconds = 30)
    {
        await using var elsewhere = new SqliteConnection($"{ConnectionString};Pooling=False;Default Timeout={busyTimeoutSeconds}");
        await elsewhere.OpenAsync(_cancellation);
        await using var insert = elsewhere.CreateCommand();
        insert.CommandText = """INSERT INTO "Items" VALUES ($id, $name)""";
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$name", name);
        await insert.ExecuteNonQueryAsync(_cancellation);
    }

    private Task<List<int>> IdsNamed(ItemsContext db, string name) => Named(db, name).ToListAsync(_cancellation);

    private static Func<string, bool> IdsNamedSql(ItemsContext db)
    {
        var sql = Named(db, "bolt").ToQueryString();
        var statement = sql[(sql.IndexOf("SELECT", StringComparison.Ordinal))..];
        return text => text == statement;
    }

    // The statements SQLite holds compiled on the context's connection whose SQL matches.
    private static List<sqlite3_stmt> Statements(ItemsContext db, Func<string, bool> matches)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var found = new List<sqlite3_stmt>();
        for (var statement = raw.sqlite3_next_stmt(connection.Handle, null);
             statement is not null && !statement.IsInvalid;
             statement = raw.sqlite3_next_stmt(connection.Handle, statement))
        {
            if (matches(raw.sqlite3_sql(statement).utf8_to_string()))
            {
                found.Add(statement);
            }
        }

        return found;
    }

    // SQLitePCLRaw lists a connection's statements (sqlite3_next_stmt) only when asked to as it opens.
    private sealed class ListStatements : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
            ((SqliteConnection)connection).Handle!.enable_sqlite3_next_stmt(true);

        public override Task ConnectionOpenedAsync(
            DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            ConnectionOpened(connection, eventData);
            return Task.CompletedTask;
        }
    }

    private sealed class ItemsContext(DbContextOptions<ItemsContext> options) : DbContext(options)
    {
        public DbSet<Item> Items => Set<Item>();
    }

    private sealed class Item
    {
        public int Id { get; set; }

        public required string Name { get; set; }
    }
}
