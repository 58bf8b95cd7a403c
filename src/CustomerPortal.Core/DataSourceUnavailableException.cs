namespace CustomerPortal.Core;

// The data source cannot answer right now (unreachable, throttled past our patience, failing): the one
// exception type every adapter throws for that, so the web layer can answer "temporarily unavailable"
// (503) instead of a generic error. The message is for logs; it never carries secrets.
public sealed class DataSourceUnavailableException : Exception
{
    public DataSourceUnavailableException()
    {
    }

    public DataSourceUnavailableException(string message) : base(message)
    {
    }

    public DataSourceUnavailableException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
