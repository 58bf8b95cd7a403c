using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerPortal.Sqlite;

// Keeps the statements a pooled context runs compiled on its connection, from one request to the next.
//
// Why: EF Core makes a new command for every query and disposes it after, and Microsoft.Data.Sqlite finalizes a
// command's statements when it is disposed, so SQLite parsed, planned and compiled every statement again on every
// request. Profiled on the large profile (issue 16), that was about 10 % of `/Orders`' CPU, more than SQLite spent
// running the statement. A command reused with the same text runs its statements as compiled (sqlite3_reset, bind,
// step), so each pooled context's connection (KeptOpenConnection) keeps a command per statement text here.
//
// The commands belong to their connection: Microsoft.Data.Sqlite disposes them when it closes, and the cache is
// dropped with it. A context is used by one request at a time, so a connection's cache needs no lock.
internal sealed class KeptStatements : DbCommandInterceptor
{
    public static readonly KeptStatements Instance = new();

    // Enough for the statements a visit's pages run (a list's filters and sorts each make their own text); a text
    // beyond it runs as before, compiled afresh. The order list, compiled, holds 14 KB (sqlite3's .stats). Only
    // reads are kept: writes are rare, and the text of a batch of inserts changes with its number of rows.
    internal const int StatementsPerConnection = 32;

    private static readonly ConditionalWeakTable<SqliteConnection, StatementCache> Caches = [];

    public override InterceptionResult<DbCommand> CommandCreating(
        CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        eventData.Connection is SqliteConnection connection
            ? InterceptionResult<DbCommand>.SuppressWithResult(new KeptCommand(CacheOf(connection)))
            : result;

    private static StatementCache CacheOf(SqliteConnection connection) =>
        Caches.GetValue(connection, static c => new StatementCache(c));

    // A command handed out and not given back: between requests, a reader nobody disposed.
    internal static bool HasCommandsInUse(SqliteConnection connection) =>
        Caches.TryGetValue(connection, out var cache) && cache.InUse > 0;

    private sealed class StatementCache
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _idle = new(StringComparer.Ordinal);
        private readonly HashSet<string> _texts = new(StringComparer.Ordinal);

        public int InUse { get; private set; }

        public SqliteConnection Connection => _connection;

        public StatementCache(SqliteConnection connection)
        {
            _connection = connection;
            // Closing disposes every command of the connection, and with them their statements.
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState == ConnectionState.Closed)
                {
                    _idle.Clear();
                    _texts.Clear();
                    InUse = 0;
                }
            };
        }

        public SqliteCommand Rent(string commandText)
        {
            InUse++;
            if (_idle.Remove(commandText, out var kept))
            {
                // EF Core sets the transaction it runs in (the portal hands it one with UseTransaction).
                kept.Transaction = null;
                kept.CommandTimeout = _connection.DefaultTimeout;
                kept.Parameters.Clear();
                return kept;
            }

            // Not kept, or in use already (a reader of the same statement still open): a command of its own.
            var command = _connection.CreateCommand();
            command.CommandText = commandText;
            return command;
        }

        public void Return(SqliteCommand command, bool reusable)
        {
            InUse = Math.Max(0, InUse - 1);
            var text = command.CommandText;
            if (reusable
                && _connection.State == ConnectionState.Open
                && text.StartsWith("SELECT ", StringComparison.Ordinal)
                && !_idle.ContainsKey(text)
                && (_texts.Contains(text) || _texts.Count < StatementsPerConnection))
            {
                command.Parameters.Clear();
                _texts.Add(text);
                _idle[text] = command;
                return;
            }

            command.Dispose();
        }
    }

    // The command EF Core sees: it takes the kept SQLite command for its text, and gives it back when EF Core
    // disposes it. Everything else goes to the SQLite command.
    private sealed class KeptCommand(StatementCache cache) : DbCommand
    {
        private SqliteCommand? _command;
        private DbDataReader? _reader;
        private bool _failed;

        private SqliteCommand Command =>
            _command ?? throw new InvalidOperationException("Set the command's text before using it.");

        [AllowNull]
        public override string CommandText
        {
            get => _command?.CommandText ?? string.Empty;
            set
            {
                if (_command is not null)
                {
                    cache.Return(_command, reusable: false);
                }

                _command = cache.Rent(value ?? string.Empty);
            }
        }

        // Readable before the text is set (EF Core's CommandCreated event comes first), as a new command's would be.
        public override int CommandTimeout
        {
            get => _command?.CommandTimeout ?? cache.Connection.DefaultTimeout;
            set => Command.CommandTimeout = value;
        }

        public override CommandType CommandType { get => _command?.CommandType ?? CommandType.Text; set => Command.CommandType = value; }

        public override bool DesignTimeVisible { get => Command.DesignTimeVisible; set => Command.DesignTimeVisible = value; }

        public override UpdateRowSource UpdatedRowSource { get => Command.UpdatedRowSource; set => Command.UpdatedRowSource = value; }

        protected override DbConnection? DbConnection
        {
            get => cache.Connection;
            set
            {
                if (value is not null && value != cache.Connection)
                {
                    throw new NotSupportedException("A kept command stays on its connection.");
                }
            }
        }

        protected override DbParameterCollection DbParameterCollection => Command.Parameters;

        protected override DbTransaction? DbTransaction
        {
            get => Command.Transaction;
            set => Command.Transaction = (SqliteTransaction?)value;
        }

        public override void Cancel() => Command.Cancel();

        public override int ExecuteNonQuery() => Run(static command => command.ExecuteNonQuery());

        public override object? ExecuteScalar() => Run(static command => command.ExecuteScalar());

        public override void Prepare() => Command.Prepare();

        protected override DbParameter CreateDbParameter() => Command.CreateParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
            _reader = Run(command => command.ExecuteReader(behavior));

        // A statement that failed (busy past the timeout, a constraint) is not kept: it runs afresh next time.
        private T Run<T>(Func<SqliteCommand, T> execute)
        {
            _failed = true;
            var result = execute(Command);
            _failed = false;
            return result;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _command is not null)
            {
                // A reader still open has its statement mid-step: that command cannot run for anyone else.
                cache.Return(_command, reusable: !_failed && (_reader is null || _reader.IsClosed));
                _command = null;
                _reader = null;
            }

            base.Dispose(disposing);
        }
    }
}
