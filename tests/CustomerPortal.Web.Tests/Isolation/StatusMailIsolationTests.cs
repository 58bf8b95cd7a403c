using CustomerPortal.Core.Orders;
using CustomerPortal.Web.StatusMails;
using Microsoft.Extensions.DependencyInjection;
using static CustomerPortal.Web.Tests.StatusMails.StatusMailPortals;

namespace CustomerPortal.Web.Tests.Isolation;

// The status mails in the sweep: every customer persona asks for them, then orders each persona must never see
// (other customers', and for the authorized user the colleagues' ones) change status. Whoever is mailed,
// no persona's mail names an order of its ForeignRows.
public sealed class StatusMailIsolationTests(SeededPortalData data)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> CustomerPersonas => [Personas.Representative, Personas.AuthorizedUser, Personas.OtherCustomer];

    [Theory]
    [MemberData(nameof(CustomerPersonas))]
    public async Task NobodyIsMailedAboutAnOrderTheyMayNotSee(string persona)
    {
        await using var portal = Create(data, "Sqlite", workerEnabled: false);
        _ = portal.Server;
        foreach (var someone in CustomerPersonas)
        {
            await OptInAsync(portal, someone);
        }

        Assert.True((await PollAsync(portal)).HeldLease);
        var foreign = ForeignRows.For(MirrorQueries.Open(portal.MirrorPath), persona, [], []);
        var mirror = MirrorQueries.Open(portal.MirrorPath);
        // A handful of the foreign orders, open ones first (a status change to Canceled is news for all of them).
        foreach (var number in foreign.OrderNumbers.Take(8))
        {
            var order = mirror.OrderWithLines(number)!;
            await ChangeStatusAsync(portal, order.SalesOrderId, order.ProcessingStatus == ProcessingStatus.Canceled ? ProcessingStatus.Active : ProcessingStatus.Canceled);
        }

        // And one of the persona's own, so the sweep cannot pass because nothing was mailed at all.
        var own = mirror.OrderWithLines(mirror.OrdersPlacedBy(persona).First(o => o.ProcessingStatus != (int)ProcessingStatus.Canceled).Number)!;
        await ChangeStatusAsync(portal, own.SalesOrderId, ProcessingStatus.Canceled);

        Assert.True((await PollAsync(portal)).Changes > 0);
        var mail = Assert.Single(MailsTo(portal, persona));
        Assert.Contains($"/Orders/{own.OrderNumber}", mail.Body, StringComparison.Ordinal);
        // LeaksIn looks for an order link followed by a quote or '?', as in a page: the mail's links end a line.
        Assert.Empty(foreign.LeaksIn(mail.Body.Replace("\r\n", "\"\n", StringComparison.Ordinal).Replace("\n", "\"\n", StringComparison.Ordinal)));
    }

    private static Task<StatusMailPoll> PollAsync(PortalFactory portal) =>
        portal.ReadStoreAsync(s => s.GetRequiredService<StatusMailPoller>().PollAsync("sweep", Ct));
}
