using Microsoft.Data.Sqlite;

namespace CustomerPortal.Web.Tests.Fuzz;

// Notices any write to the portal store or the mirror, cheaply enough to ask after every request:
// SQLite's data_version moves when another connection commits, and only then are both databases read
// whole (PortalStoreQueries.Fingerprint: every row of every table) to show what changed.
public sealed class StoreWatch : IDisposable
{
    private readonly Watched[] _databases;

    public StoreWatch(string portalStorePath, string mirrorPath) =>
        _databases = [new Watched("portal store", portalStorePath), new Watched("mirror", mirrorPath)];

    // Before a request: takes a fresh fingerprint of whatever changed since the last one.
    public void Settle()
    {
        foreach (var database in _databases)
        {
            database.Settle();
        }
    }

    // After a request: what it changed, in a few lines, or null when nothing.
    public string? Changes() =>
        _databases.Select(d => d.Changes()).Where(c => c is not null).Aggregate((string?)null, (all, c) => all is null ? c : all + "; " + c);

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }

    private sealed class Watched : IDisposable
    {
        private readonly string _name;
        private readonly PortalStoreQueries _queries;
        private readonly SqliteConnection _watch;
        private long _version;
        private string _fingerprint;

        public Watched(string name, string path)
        {
            _name = name;
            _queries = PortalStoreQueries.Open(path);
            _watch = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            _watch.Open();
            _version = Version();
            _fingerprint = _queries.Fingerprint();
        }

        public void Settle()
        {
            if (Version() is var version && version != _version)
            {
                _version = version;
                _fingerprint = _queries.Fingerprint();
            }
        }

        public string? Changes()
        {
            if (Version() == _version)
            {
                return null;
            }

            var before = _fingerprint;
            Settle();
            if (before == _fingerprint)
            {
                return null;
            }

            var old = before.Split('\n').ToHashSet();
            var now = _fingerprint.Split('\n').ToHashSet();
            return $"{_name}: -[{string.Join(" / ", old.Except(now).Take(2))}] +[{string.Join(" / ", now.Except(old).Take(2))}]";
        }

        public void Dispose() => _watch.Dispose();

        private long Version()
        {
            using var command = _watch.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            return (long)command.ExecuteScalar()!;
        }
    }
}
