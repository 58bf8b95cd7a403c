using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CustomerPortal.Web.Tests;

// Keeps the portal's warnings and errors, so a test that meets an error page can say why.
public sealed class ServerLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    // For assertion messages: what the portal logged as errors, most recent last.
    public string Errors() =>
        string.Join(Environment.NewLine, _entries.Where(entry => entry.StartsWith("Error", StringComparison.Ordinal) || entry.StartsWith("Critical", StringComparison.Ordinal)
            || entry.Contains(SessionCategory, StringComparison.Ordinal)).TakeLast(3));

    // Refused sign-in cookies are logged as information; a test that is unexpectedly sent to sign in says why.
    public const string SessionCategory = "CustomerPortal.Web.Identity.PortalSessions";

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ServerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning || (logLevel >= LogLevel.Information && category == SessionCategory);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var entry = $"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}";
                log._entries.Enqueue(entry);
            }
        }
    }
}
