using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Tests.DataSource;

// The SQLite adapter over a copy of the seeded mirror made with SQLite's online backup, so the copy is
// consistent even while other tests read the original.
public sealed class SqliteWritableDataSource : WritableDataSource
{
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;
    private readonly bool _ownsFile;

    private SqliteWritableDataSource(string mirrorPath, bool ownsFile)
    {
        MirrorPath = mirrorPath;
        _ownsFile = ownsFile;
        _services = new ServiceCollection().AddSqliteMirror(mirrorPath).BuildServiceProvider();
        _scope = _services.CreateScope();
    }

    public override string MirrorPath { get; }

    public override ISalesOrderStore Orders => _scope.ServiceProvider.GetRequiredService<ISalesOrderStore>();

    protected override IServiceProvider Services => _services;

    public override IOrderEntry Ordering => _scope.ServiceProvider.GetRequiredService<IOrderEntry>();

    public static SqliteWritableDataSource CopyOf(string seededMirrorPath)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"customerportal-write-{Guid.NewGuid():N}.db");
        using (var source = new SqliteConnection($"Data Source={seededMirrorPath};Mode=ReadOnly;Pooling=False"))
        using (var target = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
            using var wal = target.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        return new SqliteWritableDataSource(copy, ownsFile: true);
    }

    public override WritableDataSource Fork() => new SqliteWritableDataSource(MirrorPath, ownsFile: false);

    protected override void Dispose(bool disposing)
    {
        _scope.Dispose();
        _services.Dispose();
        if (_ownsFile)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { MirrorPath, MirrorPath + "-wal", MirrorPath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
