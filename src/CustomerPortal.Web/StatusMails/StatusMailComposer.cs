using System.Globalization;
using System.Text;
using CustomerPortal.Core.Orders;
using CustomerPortal.PortalStore.StatusMails;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.StatusMails;

// One status mail: every change the user may see from one poll, in the user's language (PortalUser.MailCulture,
// the language they chose), else the portal's default.
public sealed class StatusMailComposer(IStringLocalizer<SharedResource> localizer)
{
    public StatusMailOutboxEntry Compose(StatusMailRecipient recipient, IReadOnlyList<OrderStatusChange> changes, string linkBase, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(changes);
        using var reader = CultureScope.Use(PortalCultures.Find(recipient.Culture) ?? PortalCultures.DefaultCulture);
        var body = new StringBuilder();
        body.AppendLine(localizer["StatusMail.Greeting", recipient.DisplayName]).AppendLine();
        body.AppendLine(localizer["StatusMail.Intro"]).AppendLine();
        foreach (var change in changes.OrderBy(c => c.OrderNumber, StringComparer.Ordinal))
        {
            body.AppendLine(localizer["StatusMail.Order", change.OrderNumber]);
            if (change.StatusChanged)
            {
                body.AppendLine("- " + localizer["StatusMail.StatusChanged", localizer.Label(change.Status), localizer.Label(change.PreviousStatus!.Value)]);
            }

            if (change.ConfirmedDateChanged)
            {
                body.AppendLine("- " + localizer["StatusMail.ConfirmedDateChanged",
                    DisplayFormat.Date(change.ConfirmedReceiptDate), DisplayFormat.Date(change.PreviousConfirmedReceiptDate)]);
            }

            if (change.BecameLate)
            {
                body.AppendLine("- " + localizer["StatusMail.BecameLate", DisplayFormat.Date(change.ExpectedReceiptDate)]);
            }

            body.AppendLine("  " + $"{linkBase}/Orders/{Uri.EscapeDataString(change.OrderNumber)}").AppendLine();
        }

        var profileLink = linkBase + "/Identity/Account/Manage";
        body.AppendLine(localizer["StatusMail.Footer", profileLink]);
        var subject = changes.Count == 1
            ? localizer["StatusMail.SubjectOne", changes[0].OrderNumber]
            : localizer["StatusMail.SubjectMany", changes.Count.ToString(CultureInfo.CurrentCulture)];
        return new StatusMailOutboxEntry
        {
            Id = Guid.NewGuid(),
            UserId = recipient.UserId,
            To = recipient.Email,
            Subject = subject,
            TextBody = body.ToString(),
            CreatedAt = now,
        };
    }
}
