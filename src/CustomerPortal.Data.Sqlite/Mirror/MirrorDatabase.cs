using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Data.Sqlite.Mirror;

// Creating and bulk-loading a mirror file. Used by the seed command and by tests; the portal only reads.
internal sealed class MirrorDatabase : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly List<string> _deferredIndexes = [];

    private MirrorDatabase(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        _connection.Open();
        Context = new MirrorDbContext(new DbContextOptionsBuilder<MirrorDbContext>().UseSqlite(_connection).Options);
    }

    public MirrorDbContext Context { get; }

    public SqliteConnection Connection => _connection;

    // Creates the tables of an empty file. Indexes are created by FinishLoad, after the rows are in,
    // because building them once is much faster than maintaining them during a million inserts.
    public static MirrorDatabase CreateEmpty(string path)
    {
        var mirror = new MirrorDatabase(path);
        mirror.Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -200000;");
        foreach (var statement in mirror.Context.Database.GenerateCreateScript()
                     .Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (statement.Contains("CREATE INDEX", StringComparison.Ordinal) || statement.Contains("CREATE UNIQUE INDEX", StringComparison.Ordinal))
            {
                mirror._deferredIndexes.Add(statement);
            }
            else
            {
                mirror.Execute(statement);
            }
        }

        return mirror;
    }

    public void FinishLoad()
    {
        foreach (var index in _deferredIndexes)
        {
            Execute(index);
        }

        _deferredIndexes.Clear();
        // WAL lets the portal read while a second process (tests, benchmarks, later writers) works on the file.
        Execute("ANALYZE; PRAGMA journal_mode = WAL;");
    }

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Context.Dispose();
        _connection.Dispose();
    }
}
