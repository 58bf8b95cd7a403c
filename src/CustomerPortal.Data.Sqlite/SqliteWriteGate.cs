namespace CustomerPortal.Data.Sqlite;

// One per mirror registration (so one per portal process): writers of this process queue here instead
// of spinning on SQLite's busy handler. Writers in other processes are serialized by BEGIN IMMEDIATE.
internal sealed class SqliteWriteGate : IDisposable
{
    public SemaphoreSlim Writer { get; } = new(1, 1);

    public void Dispose() => Writer.Dispose();
}
