namespace CustomerPortal.Web.Mail;

public interface IPortalMailSender
{
    // True when mails land in a local pickup folder rather than in someone's inbox; the admin pages
    // then show the invitation link so a demo can go on without a mail server.
    bool WritesToPickupFolder { get; }

    Task SendAsync(PortalMail mail, CancellationToken cancellationToken);
}
