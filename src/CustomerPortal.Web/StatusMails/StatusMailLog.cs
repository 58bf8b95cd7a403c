namespace CustomerPortal.Web.StatusMails;

internal static partial class StatusMailLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Status mails: {Orders} changed orders read, {Changes} changes, {Mails} mails to send (first reading, recorded and not mailed: {FirstReading}).")]
    public static partial void Polled(ILogger logger, int orders, int changes, int mails, bool firstReading);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status mails: the poll failed ({Reason}); it is tried again in {Interval}.")]
    public static partial void PollFailed(ILogger logger, Exception exception, string reason, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Status mails: the lease could not be released at shutdown; it expires by itself.")]
    public static partial void LeaseNotReleased(ILogger logger, Exception exception);
}
