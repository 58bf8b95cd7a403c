using System.Text.RegularExpressions;
using CustomerPortal.Core.Orders;
using CustomerPortal.Data.Dataverse;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.DualWrite;
using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.StatusMails;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Web.Tests.StatusMails;

// What the status-mail tests do to a private portal: opt users in, change an order where the data source
// keeps it (a write to the mirror in SQLite mode, a PATCH to the emulator in Dataverse mode), read the pickup folder.
internal static partial class StatusMailPortals
{
    public const string FastPoll = "00:00:01";

    public static (string Key, string? Value)[] WorkerSettings(bool enabled = true) =>
        [("StatusMails:Enabled", enabled ? "true" : "false"), ("StatusMails:PollInterval", FastPoll)];

    public static PrivatePortalFactory Create(SeededPortalData data, string provider, bool workerEnabled = true)
    {
        PrivatePortalFactory portal = provider == "Dataverse" ? new DataversePortalFactory(data, WorkerSettings(workerEnabled)) : new PrivatePortalFactory(data);
        foreach (var (key, value) in WorkerSettings(workerEnabled))
        {
            portal.Set(key, value);
        }

        return portal;
    }

    public static async Task OptInAsync(PortalFactory portal, string email, string culture = "en-US")
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.WantsStatusMails = true;
        user.MailCulture = culture;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }

    public static async Task<bool> BaselineDoneAsync(PortalFactory portal) =>
        await portal.ReadStoreAsync(async s => (await s.GetRequiredService<StatusMailStore>().ReadMarkAsync(TestContext.Current.CancellationToken)).BaselineDone);

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not within {timeout.TotalSeconds} s: {what}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    // An order of the representative's account and legal entity whose contact person is not the authorized user.
    public static SalesOrderRow OrderOnlyTheRepresentativeSees(PrivatePortalFactory portal)
    {
        var mirror = MirrorQueries.Open(portal.MirrorPath);
        var buyers = mirror.OrdersPlacedBy(Personas.AuthorizedUser).Select(o => o.Number).ToHashSet();
        var number = mirror.OrdersOfAccountOf(Personas.Representative)
            .Where(o => !buyers.Contains(o.Number) && o.ProcessingStatus == (int)ProcessingStatus.Confirmed)
            .Select(o => o.Number).First();
        return mirror.OrderWithLines(number)!;
    }

    // An order of the account where the authorized user is the contact person.
    public static SalesOrderRow OrderOfTheAuthorizedUser(PrivatePortalFactory portal)
    {
        var mirror = MirrorQueries.Open(portal.MirrorPath);
        var number = mirror.OrdersPlacedBy(Personas.AuthorizedUser)
            .Where(o => o.ProcessingStatus != (int)ProcessingStatus.Delivered).Select(o => o.Number).First();
        return mirror.OrderWithLines(number)!;
    }

    // As dual-write would: the processing status changes and modifiedon moves on.
    public static async Task ChangeStatusAsync(PrivatePortalFactory portal, Guid salesOrderId, ProcessingStatus status)
    {
        if (portal is DataversePortalFactory)
        {
            var api = portal.Services.GetRequiredService<DataverseWebApi>();
            var result = await api.PatchAsync($"salesorders({salesOrderId})",
                new System.Text.Json.Nodes.JsonObject { ["msdyn_processingstatus"] = (int)status }, "*", TestContext.Current.CancellationToken);
            Assert.True(result.Succeeded, result.ErrorMessage);
            return;
        }

        await WriteToMirrorAsync(portal, salesOrderId, status);
    }

    // Straight into the mirror file, which the emulator also serves: a change made while the Web API refuses requests.
    public static async Task WriteToMirrorAsync(PrivatePortalFactory portal, Guid salesOrderId, ProcessingStatus status)
    {
        using var db = MirrorDatabase.Open($"Data Source={portal.MirrorPath}");
        var order = await db.Set<SalesOrderRow>().SingleAsync(o => o.SalesOrderId == salesOrderId, TestContext.Current.CancellationToken);
        order.ProcessingStatus = status;
        order.ModifiedOn = DateTime.UtcNow;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static IReadOnlyList<SentMail> Mails(PrivatePortalFactory portal)
    {
        var folder = Path.Combine(portal.DataDirectory, "mail-pickup");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).Select(SentMail.Parse)
                // Status mails only, and only once the pickup file is complete (the footer's link ends the body).
                .Where(m => m.Body.Contains("/Orders/", StringComparison.Ordinal) && m.Body.Contains("/Identity/Account/Manage", StringComparison.Ordinal))]
            : [];
    }

    public static IReadOnlyList<SentMail> MailsTo(PrivatePortalFactory portal, string email) =>
        [.. Mails(portal).Where(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase))];

    public sealed partial record SentMail(string To, string Body)
    {
        public static SentMail Parse(string eml) => new(ToHeader().Match(eml).Groups[1].Value.Trim(), eml);

        [GeneratedRegex(@"^To: (.+)$", RegexOptions.Multiline)]
        private static partial Regex ToHeader();
    }
}
