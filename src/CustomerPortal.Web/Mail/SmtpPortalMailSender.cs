using System.Net;
using System.Net.Mail;
using CustomerPortal.Web.Branding;
using CustomerPortal.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Mail;

// System.Net.Mail covers both cases: an SMTP relay, or SmtpDeliveryMethod.SpecifiedPickupDirectory,
// which writes each message as an .eml file any mail client opens. Every mail goes out in the brand's look (BrandedMail).
public sealed class SmtpPortalMailSender(IOptions<MailOptions> options, IOptions<PortalOptions> portal, Brand brand, IStringLocalizer<SharedResource> localizer)
    : IPortalMailSender
{
    public bool WritesToPickupFolder => options.Value.UsesPickupFolder;

    public string PickupDirectory => string.IsNullOrWhiteSpace(options.Value.PickupDirectory)
        ? portal.Value.PathOf("mail-pickup")
        : Path.GetFullPath(options.Value.PickupDirectory);

    public async Task SendAsync(PortalMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        var portalName = brand.NameIn(localizer);
        using var message = new MailMessage(settings.From, mail.To, mail.Subject, BrandedMail.Text(mail.TextBody, portalName, brand.CompanyName));
        message.From = new MailAddress(settings.From, portalName);
        message.AlternateViews.Add(BrandedMail.Html(mail.TextBody, brand, portalName));
        using var client = new SmtpClient();
        if (settings.UsesPickupFolder)
        {
            Directory.CreateDirectory(PickupDirectory);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = PickupDirectory;
            // Readable with any text viewer: no quoted-printable line breaks in the middle of the link.
            message.BodyEncoding = System.Text.Encoding.UTF8;
            message.BodyTransferEncoding = System.Net.Mime.TransferEncoding.EightBit;
        }
        else
        {
            client.Host = settings.Host!;
            client.Port = settings.Port;
            client.EnableSsl = settings.EnableSsl;
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
            }
        }

        await client.SendMailAsync(message, cancellationToken);
    }
}
