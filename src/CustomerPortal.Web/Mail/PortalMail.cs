namespace CustomerPortal.Web.Mail;

public sealed record PortalMail(string To, string Subject, string TextBody);
