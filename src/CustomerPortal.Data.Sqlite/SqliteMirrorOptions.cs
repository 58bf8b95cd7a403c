namespace CustomerPortal.Data.Sqlite;

internal sealed record SqliteMirrorOptions(string MirrorPath)
{
    public string ConnectionString => MirrorConnection.ConnectionStringFor(MirrorPath);
}
