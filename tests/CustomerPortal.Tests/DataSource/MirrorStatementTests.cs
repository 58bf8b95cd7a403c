using CustomerPortal.Data.Sqlite;
using CustomerPortal.Data.Sqlite.Mirror;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;

namespace CustomerPortal.Tests.DataSource;

// Every order list is a paged statement (LIMIT @p). SQLite compiles such a statement a second time on its first
// step once @p is bound, unless the connection has the query planner stability guarantee (see PrepareOnce).
public sealed class MirrorStatementTests(SeededDemoMirror mirror)
{
    private const int Reprepares = 5; // SQLITE_STMTSTATUS_REPREPARE
    private const string PagedList = "SELECT \"salesorderid\" FROM \"salesorder\" ORDER BY \"createdon\" DESC LIMIT @p";

    [Fact]
    public async Task APagedListOnTheMirrorsConnectionsIsCompiledOnce()
    {
        using var services = new ServiceCollection().AddSqliteMirror(mirror.MirrorPath).BuildServiceProvider();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MirrorDbContext>();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, TimesCompiledAgain((SqliteConnection)db.Database.GetDbConnection()));
    }

    [Fact]
    public void WithoutTheGuaranteeSqliteCompilesAPagedListTwice()
    {
        // The premise of PrepareOnce. If a SQLite update makes this fail, PrepareOnce is no longer needed.
        using var connection = new SqliteConnection($"Data Source={mirror.MirrorPath};Mode=ReadOnly;Pooling=False");
        connection.Open();

        Assert.Equal(1, TimesCompiledAgain(connection));
    }

    private static int TimesCompiledAgain(SqliteConnection connection)
    {
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, PagedList, out sqlite3_stmt statement));
        using (statement)
        {
            raw.sqlite3_bind_int(statement, raw.sqlite3_bind_parameter_index(statement, "@p"), 3);
            var rows = 0;
            while (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
            {
                rows++;
            }

            Assert.Equal(3, rows);
            return raw.sqlite3_stmt_status(statement, Reprepares, 0);
        }
    }
}
