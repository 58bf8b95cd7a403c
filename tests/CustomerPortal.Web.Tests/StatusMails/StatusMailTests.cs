using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Core.Orders;
using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.StatusMails;
using CustomerPortal.Web.StatusMails;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static CustomerPortal.Web.Tests.StatusMails.StatusMailPortals;

namespace CustomerPortal.Web.Tests.StatusMails;

// Issue 11, part 5: a change written to the data source is mailed within 60 s to the users who asked for it and
// may see the order, once, in their language; a restart neither resends nor misses; two instances send once.
public sealed class StatusMailTests(SeededPortalData data)
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Dataverse")]
    public async Task AChangedStatusIsMailedWithinAMinuteOnceAndOnlyToThoseWhoMaySeeTheOrder(string provider)
    {
        await using var portal = Create(data, provider);
        _ = portal.Server;
        // The representative opts in through the profile form, in French; the others directly.
        using (var rep = portal.CreatePortalClient())
        {
            await rep.SignInAsync(Personas.Representative, Personas.Password);
            rep.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
            var profile = await rep.GetPageAsync("/Identity/Account/Manage");
            var form = profile.QuerySelectorAll<IHtmlFormElement>("form.status-mails-form").Single();
            var saved = await rep.SubmitAsync(form, new Dictionary<string, string> { ["WantsStatusMails"] = "true" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.True((await portal.FindUserAsync(Personas.Representative))!.WantsStatusMails);
        }

        await OptInAsync(portal, Personas.AuthorizedUser);
        await OptInAsync(portal, Personas.OtherCustomer);
        await WaitUntilAsync(() => BaselineDoneAsync(portal), Target, "the first reading after installation");
        Assert.Empty(Mails(portal));

        var order = OrderOnlyTheRepresentativeSees(portal);
        var written = DateTime.UtcNow;
        await ChangeStatusAsync(portal, order.SalesOrderId, ProcessingStatus.Delivered);
        await WaitUntilAsync(() => Task.FromResult(MailsTo(portal, Personas.Representative).Count > 0), Target, "the representative's mail");
        var took = DateTime.UtcNow - written;

        var mail = Assert.Single(MailsTo(portal, Personas.Representative));
        Assert.Contains($"/Orders/{order.OrderNumber}", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Livrée", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Bonjour", mail.Body, StringComparison.Ordinal);
        Assert.True(took < Target, $"{took}");

        // Several more polls: nothing new for anybody; the authorized user (not the contact person) and the other
        // customer never hear of the order.
        await Task.Delay(TimeSpan.FromSeconds(4), Ct);
        Assert.Single(Mails(portal));
        Assert.Empty(MailsTo(portal, Personas.AuthorizedUser));
        Assert.Empty(MailsTo(portal, Personas.OtherCustomer));

        // The authorized user's own order: they and the representative are told, in one mail each; the other customer is not.
        var own = OrderOfTheAuthorizedUser(portal);
        await ChangeStatusAsync(portal, own.SalesOrderId, ProcessingStatus.Canceled);
        await WaitUntilAsync(() => Task.FromResult(MailsTo(portal, Personas.AuthorizedUser).Count > 0 && MailsTo(portal, Personas.Representative).Count > 1),
            Target, "the authorized user's mail");
        Assert.Contains($"/Orders/{own.OrderNumber}", Assert.Single(MailsTo(portal, Personas.AuthorizedUser)).Body, StringComparison.Ordinal);
        Assert.Contains("Canceled", Assert.Single(MailsTo(portal, Personas.AuthorizedUser)).Body, StringComparison.Ordinal);
        Assert.Empty(MailsTo(portal, Personas.OtherCustomer));
        Assert.DoesNotContain(portal.ServerLog.Entries, e => e.Contains("Status mails: the poll failed", StringComparison.Ordinal));
    }

    // The data source being down is normal: polls fail, are logged and tried again; the portal keeps answering,
    // and the change written meanwhile is mailed once Dataverse answers again.
    [Fact]
    public async Task ADataSourceThatIsDownDelaysTheMailButNeitherLosesItNorStopsThePortal()
    {
        await using var portal = new DataversePortalFactory(data, [.. WorkerSettings(), ("DataSource:Dataverse:MaxRetryDuration", "00:00:01")]);
        _ = portal.Server;
        await OptInAsync(portal, Personas.Representative);
        await WaitUntilAsync(() => BaselineDoneAsync(portal), Target, "the first reading");

        await portal.Emulator.SetFaultsAsync(new { unavailableEveryM = 1 });
        var order = OrderOnlyTheRepresentativeSees(portal);
        await WriteToMirrorAsync(portal, order.SalesOrderId, ProcessingStatus.Picked);
        await WaitUntilAsync(() => Task.FromResult(portal.ServerLog.Entries.Any(e => e.Contains("Status mails: the poll failed", StringComparison.Ordinal))),
            Target, "a failed poll to be logged");
        using (var client = portal.CreatePortalClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(new Uri("/healthz", UriKind.Relative), Ct)).StatusCode);
        }

        Assert.Empty(Mails(portal));

        await portal.Emulator.SetFaultsAsync(new { });
        await WaitUntilAsync(() => Task.FromResult(MailsTo(portal, Personas.Representative).Count > 0), Target, "the mail after Dataverse is back");
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.Contains("Picked (was Confirmed)", Assert.Single(MailsTo(portal, Personas.Representative)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARestartNeitherResendsNorMissesAChangeWrittenWhileStopped()
    {
        await using var first = Create(data, "Sqlite");
        _ = first.Server;
        await OptInAsync(first, Personas.Representative);
        await WaitUntilAsync(() => BaselineDoneAsync(first), Target, "the first reading");
        var order = OrderOnlyTheRepresentativeSees(first);
        await ChangeStatusAsync(first, order.SalesOrderId, ProcessingStatus.Picked);
        await WaitUntilAsync(() => Task.FromResult(MailsTo(first, Personas.Representative).Count == 1), Target, "the mail before the restart");

        var lifetime = first.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.StopApplication();
        await WaitUntilAsync(() => Task.FromResult(lifetime.ApplicationStopped.IsCancellationRequested), Target, "the first portal to stop");
        // Written while no portal runs: the next one must mail it.
        await ChangeStatusAsync(first, order.SalesOrderId, ProcessingStatus.Delivered);

        await using var second = new SameDataPortalFactory(data, first.DataDirectory);
        _ = second.Server;
        await WaitUntilAsync(() => Task.FromResult(MailsTo(first, Personas.Representative).Count >= 2), Target, "the change written while stopped");
        await Task.Delay(TimeSpan.FromSeconds(4), Ct);
        var mails = MailsTo(first, Personas.Representative);
        Assert.True(mails.Count == 2, string.Join("\n----\n", mails.Select(m => m.Body)));
        Assert.Single(mails, m => m.Body.Contains("Delivered (was Picked)", StringComparison.Ordinal));
        Assert.Single(mails, m => m.Body.Contains("Picked (was Confirmed)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PortalStoreProvider.Sqlite)]
    [InlineData(PortalStoreProvider.Postgres)]
    public async Task TwoInstancesOnOneStoreSendOneMail(PortalStoreProvider store)
    {
        await using var portal = new PrivatePortalFactory(data, store);
        foreach (var (key, value) in WorkerSettings(enabled: false))
        {
            portal.Set(key, value);
        }

        _ = portal.Server;
        await OptInAsync(portal, Personas.Representative);
        Assert.True((await PollAsync(portal, "first")).HeldLease);
        await portal.ReadStoreAsync(async s =>
        {
            await s.GetRequiredService<StatusMailStore>().ReleaseLeaseAsync("first", Ct);
            return true;
        });

        var order = OrderOnlyTheRepresentativeSees(portal);
        await ChangeStatusAsync(portal, order.SalesOrderId, ProcessingStatus.Picked);
        var polls = await Task.WhenAll(PollAsync(portal, "first"), PollAsync(portal, "second"));
        Assert.Single(polls, p => p.HeldLease);
        // The one holding the lease keeps it; the other still may not send at its next poll.
        var again = await Task.WhenAll(PollAsync(portal, "first"), PollAsync(portal, "second"));
        Assert.Single(again, p => p.HeldLease);
        Assert.Single(MailsTo(portal, Personas.Representative));
    }

    // README's request budget: a poll reads every changed order in one Web API request (more only past
    // DataverseOrderChangeFeed.PageSize changed orders); the users' contacts are looked up only when there is news.
    [Fact]
    public async Task InDataverseModeAPollCostsOneRequest()
    {
        await using var portal = Create(data, "Dataverse", workerEnabled: false);
        var emulator = ((DataversePortalFactory)portal).Emulator;
        _ = portal.Server;
        await OptInAsync(portal, Personas.Representative);
        Assert.True((await PollAsync(portal, "only")).HeldLease);

        await emulator.ResetRequestCountAsync();
        var quiet = await PollAsync(portal, "only");
        Assert.Equal(0, quiet.OrdersRead);
        Assert.Equal(1, await emulator.RequestCountAsync());

        var order = OrderOnlyTheRepresentativeSees(portal);
        await ChangeStatusAsync(portal, order.SalesOrderId, ProcessingStatus.Picked);
        await emulator.ResetRequestCountAsync();
        var busy = await PollAsync(portal, "only");
        Assert.Equal(1, busy.Mails);
        // The change feed, and one lookup of the opted-in users' contacts.
        Assert.Equal(2, await emulator.RequestCountAsync());
    }

    private static Task<StatusMailPoll> PollAsync(PortalFactory portal, string instance) =>
        portal.ReadStoreAsync(s => s.GetRequiredService<StatusMailPoller>().PollAsync(instance, Ct));

    // A second portal over a data directory another factory made (and deletes): a restart of the first.
    private sealed class SameDataPortalFactory : PortalFactory
    {
        private readonly string _dataDirectory;

        public SameDataPortalFactory(SeededPortalData data, string dataDirectory)
            : base(data)
        {
            _dataDirectory = dataDirectory;
            foreach (var (key, value) in WorkerSettings())
            {
                Settings[key] = value;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:DataDirectory", _dataDirectory);
        }
    }
}
