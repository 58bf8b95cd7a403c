using CustomerPortal.Core;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Core.Orders;
using CustomerPortal.DualWrite;
using CustomerPortal.PortalStore.StatusMails;
using CustomerPortal.Web.Invitations;
using CustomerPortal.Web.Mail;
using CustomerPortal.Web.Localization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.StatusMails;

// One poll of the status-mail worker (README, "Status mails"):
// 1. take or renew the lease; an instance without it does nothing;
// 2. send what the outbox still holds (a mail server that was down, a crash after recording);
// 3. read the orders changed since the high-water mark and compare each with what was last seen of it;
//    find the orders that became late since (the date passed, no row change) among those last seen;
// 4. work out who may see each change (the pages' ownership rule on each user's scope) and compose one mail per user;
// 5. record what was seen, the mails and the new mark in one transaction, then send the mails.
// Nothing is mailed about an order the worker had never seen (a new order; the first reading after installation,
// which only records), so installing it, or turning it on, does not mail everybody about every order.
public sealed class StatusMailPoller(
    IOrderChangeFeed feed,
    StatusMailStore store,
    IContactAdministration contacts,
    IPortalMailSender mail,
    StatusMailComposer composer,
    IOptions<StatusMailOptions> options,
    IOptions<InvitationOptions> invitations,
    IServer server,
    TimeProvider clock,
    PortalCalendar calendar,
    ILogger<StatusMailPoller> logger)
{
    public async Task<StatusMailPoll> PollAsync(string instanceId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!await store.TryHoldLeaseAsync(instanceId, settings.Lease, cancellationToken))
        {
            return StatusMailPoll.NotLeaseHolder;
        }

        await SendOutboxAsync(instanceId, cancellationToken);

        var (mark, baselineDone) = await store.ReadMarkAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // The same today as the pages (Portal:TimeZone, or Portal:Today when pinned), so a mail never calls
        // an order late that the order page does not.
        var today = calendar.Today;
        var changed = await feed.ReadChangesSinceAsync(mark, settings.MaxOrdersPerPoll, cancellationToken);
        var lastSeen = await store.FindWatchesAsync([.. changed.Select(o => o.SalesOrderId)], cancellationToken);

        var news = new List<(ChangedOrder Order, OrderStatusChange Change)>();
        var seen = new List<OrderWatch>();
        foreach (var order in changed)
        {
            if (baselineDone && OrderStatusChanges.Compare(lastSeen.GetValueOrDefault(order.SalesOrderId)?.LastSeen, order, today) is { } change)
            {
                news.Add((order, change));
            }

            seen.Add(Watch(order, DeliveryRules.IsLate(order.Status, order.ExpectedReceiptDate, today)));
        }

        if (baselineDone)
        {
            var changedIds = changed.Select(o => o.SalesOrderId).ToHashSet();
            foreach (var watch in await store.ListBecameLateAsync(today, settings.MaxOrdersPerPoll, cancellationToken))
            {
                if (changedIds.Contains(watch.SalesOrderId))
                {
                    continue;
                }

                var order = watch.AsOrder;
                news.Add((order, new OrderStatusChange(order.OrderNumber, order.Status, order.Status, false, order.ConfirmedReceiptDate,
                    order.ConfirmedReceiptDate, true, order.ExpectedReceiptDate)));
                seen.Add(Watch(order, wasLate: true));
            }
        }

        var mails = news.Count == 0 ? [] : await ComposeAsync(news, now, cancellationToken);
        var newMark = changed.Count > 0 ? changed[^1].Mark : mark;
        // The first reading is done once a poll reads less than a full batch: the backlog is through.
        var nowBaselineDone = baselineDone || changed.Count < settings.MaxOrdersPerPoll;
        if (!await store.RecordAsync(instanceId, seen, mails, newMark, nowBaselineDone, cancellationToken))
        {
            return StatusMailPoll.NotLeaseHolder;
        }

        if (changed.Count > 0 || mails.Count > 0)
        {
            StatusMailLog.Polled(logger, changed.Count, news.Count, mails.Count, !baselineDone);
        }

        await SendOutboxAsync(instanceId, cancellationToken);
        return new StatusMailPoll(true, changed.Count, news.Count, mails.Count);
    }

    private async Task<List<StatusMailOutboxEntry>> ComposeAsync(List<(ChangedOrder Order, OrderStatusChange Change)> news, DateTime now, CancellationToken cancellationToken)
    {
        var recipients = await store.ListRecipientsAsync(cancellationToken);
        if (recipients.Count == 0)
        {
            return [];
        }

        var owners = await contacts.FindManyAsync([.. recipients.Select(r => r.ContactId).Distinct()], cancellationToken);
        var linkBase = LinkBase();
        var mails = new List<StatusMailOutboxEntry>();
        foreach (var recipient in recipients)
        {
            if (ScopeOf(recipient, owners.GetValueOrDefault(recipient.ContactId)) is not { } scope)
            {
                continue;
            }

            // The pages' rule itself (DualWrite.Ownership), applied to the order's owner columns.
            var visible = Ownership.VisibleTo<SalesOrderRow>(scope).Compile();
            var changes = news
                .Where(n => visible(new SalesOrderRow { CustomerId = n.Order.AccountId, CompanyId = n.Order.CompanyId, ContactPersonId = n.Order.ContactPersonId }))
                .Select(n => n.Change)
                .ToList();
            if (changes.Count > 0)
            {
                mails.Add(composer.Compose(recipient, changes, linkBase, now));
            }
        }

        return mails;
    }

    // As ClaimsPrincipalExtensions.GetCustomerScope builds it at sign-in: a customer role, and a contact with an
    // account and a legal entity; administrators and unprepared contacts see no orders.
    internal static CustomerScope? ScopeOf(StatusMailRecipient recipient, PortalContact? contact)
    {
        if (recipient.Roles.Contains(PortalRoles.Administrator)
            || recipient.Roles.Select(PortalRoles.ToCustomerRole).FirstOrDefault(r => r is not null) is not { } role
            || contact is not { AccountId: { } accountId, CompanyId: { } companyId })
        {
            return null;
        }

        return new CustomerScope(contact.ContactId, accountId, companyId, contact.PriceListId, role);
    }

    private async Task SendOutboxAsync(string instanceId, CancellationToken cancellationToken)
    {
        foreach (var entry in await store.ListOutboxAsync(200, cancellationToken))
        {
            await mail.SendAsync(new PortalMail(entry.To, entry.Subject, entry.TextBody), cancellationToken);
            // Deleted once the mail server has it, even while the portal stops (a sent mail left in the outbox would
            // be sent again by the next instance); only a crash in between sends this one mail twice.
            await store.RemoveFromOutboxAsync(entry.Id, CancellationToken.None);
        }
    }

    // Links point at Invitations:PublicUrl, which must be set once mail leaves the machine; with the pickup folder
    // (demos) the address the portal listens on will do.
    private string LinkBase()
    {
        if (!string.IsNullOrWhiteSpace(invitations.Value.PublicUrl))
        {
            return invitations.Value.PublicUrl.TrimEnd('/');
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return (string.IsNullOrEmpty(address) ? "http://localhost" : address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)).TrimEnd('/');
    }

    private static OrderWatch Watch(ChangedOrder order, bool wasLate) => new()
    {
        SalesOrderId = order.SalesOrderId,
        OrderNumber = order.OrderNumber,
        AccountId = order.AccountId,
        CompanyId = order.CompanyId,
        ContactPersonId = order.ContactPersonId,
        Status = order.Status,
        ConfirmedReceiptDate = order.ConfirmedReceiptDate,
        RequestedReceiptDate = order.RequestedReceiptDate,
        WasLate = wasLate,
        ModifiedOn = order.ModifiedOn,
    };
}

// What one poll did: nothing when another instance holds the lease.
public sealed record StatusMailPoll(bool HeldLease, int OrdersRead, int Changes, int Mails)
{
    public static readonly StatusMailPoll NotLeaseHolder = new(false, 0, 0, 0);
}
