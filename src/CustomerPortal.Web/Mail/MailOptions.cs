namespace CustomerPortal.Web.Mail;

// The "Mail" configuration section. Without a Host, mails are written as .eml files to the pickup
// folder (default {DataDirectory}/mail-pickup), so demos and development need no mail server.
// UserName and Password come from user secrets or environment variables, never from appsettings.json.
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "portal@customerportal.example";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? PickupDirectory { get; set; }

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(Host);
}
