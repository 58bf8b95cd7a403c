using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Data.Sqlite.Mirror;

// Creating, bulk-loading and opening a mirror file: for the seed command, the emulator and tests.
// The portal reaches the mirror only through the data-source ports.
public sealed class MirrorDatabase : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly List<string> _deferredIndexes = [];
    private readonly DbContext _context;

    private MirrorDatabase(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        _connection.Open();
        _context = Open(_connection);
    }

    public SqliteConnection Connection => _connection;

    // An EF context over a mirror file (a connection string or an open connection), typed by the
    // DualWrite row classes: Set<SalesOrderRow>() and so on.
    public static DbContext Open(string connectionString) => OpenMirror(connectionString);

    public static DbContext Open(SqliteConnection connection) =>
        new MirrorDbContext(new DbContextOptionsBuilder<MirrorDbContext>().UseSqlite(connection).Options);

    internal static MirrorDbContext OpenMirror(string connectionString) =>
        new(new DbContextOptionsBuilder<MirrorDbContext>().UseSqlite(connectionString).Options);

    // Creates the tables of an empty file. Indexes are created by FinishLoad, after the rows are in,
    // because building them once is much faster than maintaining them during a million inserts.
    public static MirrorDatabase CreateEmpty(string path)
    {
        var mirror = new MirrorDatabase(path);
        mirror.Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -200000;");
        foreach (var statement in mirror._context.Database.GenerateCreateScript()
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

    // The first table or column of the dual-write schema a mirror file lacks ("table msdyn_shipvia",
    // "salesorderdetail.quantityshipped"), or null when it has them all: a mirror seeded by an older
    // version is refused with this (the portal and the emulator), never read into "no such column".
    public static string? MissingSchema(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        foreach (var table in DualWrite.DualWriteSchema.Tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM pragma_table_info($table)";
            command.Parameters.AddWithValue("$table", table.LogicalName);
            var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    present.Add(reader.GetString(0));
                }
            }

            if (present.Count == 0)
            {
                return $"table {table.LogicalName}";
            }

            if (table.Columns.FirstOrDefault(c => !present.Contains(c.LogicalName)) is { } missing)
            {
                return $"{table.LogicalName}.{missing.LogicalName}";
            }
        }

        return null;
    }

    // A prepared INSERT for one table, inside the caller's transaction.
    public MirrorTableWriter<TRow> Writer<TRow>(SqliteTransaction transaction) where TRow : class =>
        new(_context, _connection, transaction);

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
        _context.Dispose();
        _connection.Dispose();
    }
}
