using Microsoft.Data.Sqlite;

namespace CustomerPortal.Data.Sqlite;

internal static class MirrorConnection
{
    public static string ConnectionStringFor(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();
}
