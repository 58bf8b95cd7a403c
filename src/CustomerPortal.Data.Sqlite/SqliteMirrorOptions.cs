using Microsoft.Data.Sqlite;

namespace CustomerPortal.Data.Sqlite;

internal sealed record SqliteMirrorOptions(string MirrorPath)
{
    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = MirrorPath,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();
}
