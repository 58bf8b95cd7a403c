using System.Security.Claims;
using CustomerPortal.Core;
using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Audit;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.PortalStore.Invitations;
using CustomerPortal.PortalStore.Registrations;
using CustomerPortal.PortalStore.Sessions;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPortal.Tests.PortalStore;

// Every feature store, and Identity on the store, run once on SQLite and once on PostgreSQL: a query
// that one provider cannot translate, a comparison whose case rules differ or a time PostgreSQL refuses
// fails here, not in production.
public sealed partial class FeatureStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task ADraftIsListedOnlyForItsUserAndAccountKeepsItsLinesInOrderAndLeavesTheListOnceSubmitted(PortalStoreProvider provider)
    {
        await using var store = await OpenedStore.OpenAsync(provider);
        var account = Guid.NewGuid();
        var draft = new OrderDraft { SalesOrderId = Guid.NewGuid(), UserId = "buyer", AccountId = account, RequestedReceiptDate = new DateOnly(2026, 12, 24) };
        await using (var scope = store.Scope())
        {
            var drafts = scope.ServiceProvider.GetRequiredService<OrderDraftStore>();
            await drafts.AddAsync(draft, Ct);
            foreach (var (item, quantity) in new[] { ("A-1", 1m), ("B-2", 2.5m), ("C-3", 3m) })
            {
                drafts.AddLine(draft, new OrderDraftLine { SalesOrderLineId = Guid.NewGuid(), ProductId = Guid.NewGuid(), ItemNumber = item, Quantity = quantity });
            }

            await drafts.SaveAsync(draft, Ct);
            await drafts.AddAsync(new OrderDraft { SalesOrderId = Guid.NewGuid(), UserId = "someone-else", AccountId = account }, Ct);
            await drafts.AddAsync(new OrderDraft { SalesOrderId = Guid.NewGuid(), UserId = "buyer", AccountId = Guid.NewGuid() }, Ct);
        }

        await using (var scope = store.Scope())
        {
            var drafts = scope.ServiceProvider.GetRequiredService<OrderDraftStore>();
            var listed = Assert.Single(await drafts.ListOpenAsync("buyer", account, Ct));
            Assert.Equal(draft.SalesOrderId, listed.SalesOrderId);
            Assert.Equal(new DateOnly(2026, 12, 24), listed.RequestedReceiptDate);
            Assert.Null(await drafts.FindAsync("someone-else", account, draft.SalesOrderId, Ct));

            var found = (await drafts.FindAsync("buyer", account, draft.SalesOrderId, Ct))!;
            Assert.Equal(["A-1", "B-2", "C-3"], found.Lines.Select(l => l.ItemNumber));
            Assert.Equal(2.5m, found.Lines[1].Quantity);
            drafts.RemoveLine(found, found.Lines[0]);
            await drafts.SaveAsync(found, Ct);
        }

        // Several requests recording the same submit: all succeed, the order number is the first one's.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            await using var scope = store.Scope();
            await scope.ServiceProvider.GetRequiredService<OrderDraftStore>().MarkSubmittedAsync(draft.SalesOrderId, "CP-000123", Ct);
        }));

        await using (var scope = store.Scope())
        {
            var drafts = scope.ServiceProvider.GetRequiredService<OrderDraftStore>();
            var submitted = (await drafts.FindAsync("buyer", account, draft.SalesOrderId, Ct))!;
            Assert.Equal([(1, "B-2"), (2, "C-3")], submitted.Lines.Select(l => (l.Position, l.ItemNumber)));
            Assert.Equal("CP-000123", submitted.SubmittedOrderNumber);
            Assert.Empty(await drafts.ListOpenAsync("buyer", account, Ct));
            Assert.False(await drafts.DiscardAsync("buyer", account, draft.SalesOrderId, Ct));
        }
    }

    // One form posted twenty times at once starts one draft, and every request gets that draft back to
    // update; the same id started for another user is a conflict, never their draft.
    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task TwentyRacingStartsOfOneDraftSaveOneAndGiveItToEachButNotToAnotherUser(PortalStoreProvider provider)
    {
        await using var store = await OpenedStore.OpenAsync(provider);
        var (draftId, account) = (Guid.NewGuid(), Guid.NewGuid());

        var started = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var scope = store.Scope();
            var draft = await scope.ServiceProvider.GetRequiredService<OrderDraftStore>().AddOrFindAsync(
                new OrderDraft { SalesOrderId = draftId, UserId = "buyer", AccountId = account, RequisitionNumber = $"PO-{i}" }, Ct);
            return (draft.SalesOrderId, draft.RequisitionNumber);
        }));

        await using (var scope = store.Scope())
        {
            var drafts = scope.ServiceProvider.GetRequiredService<OrderDraftStore>();
            var saved = Assert.Single(await drafts.ListOpenAsync("buyer", account, Ct));
            Assert.All(started, s => Assert.Equal((draftId, saved.RequisitionNumber), s));
            await Assert.ThrowsAnyAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(() =>
                drafts.AddOrFindAsync(new OrderDraft { SalesOrderId = draftId, UserId = "someone-else", AccountId = account }, Ct));
        }
    }

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task OnlyOpenInvitationsCountAndTwoRacingRedemptionsOfOneCodeCreateOneUser(PortalStoreProvider provider)
    {
        await using var store = await OpenedStore.OpenAsync(provider);
        var now = Start.UtcDateTime;
        var (open, expired, revoked) = (Invitation(now, "open"), Invitation(now.AddDays(-30), "expired"), Invitation(now.AddMinutes(-1), "revoked"));
        revoked.RevokedAt = now;
        await using (var scope = store.Scope())
        {
            var invitations = scope.ServiceProvider.GetRequiredService<InvitationStore>();
            foreach (var invitation in new[] { expired, revoked, open })
            {
                invitations.Add(invitation);
            }

            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(Administrator, "InvitationSent", "three invitations", null, Ct);
        }

        await using (var scope = store.Scope())
        {
            var invitations = scope.ServiceProvider.GetRequiredService<InvitationStore>();
            Assert.Equal([open.ContactId], await invitations.ListContactsInvitedAsync([open.ContactId, expired.ContactId, revoked.ContactId], now, Ct));
            Assert.False(await invitations.IsInvitedAsync(expired.ContactId, now, Ct));
            Assert.Equal(open.Id, (await invitations.FindByCodeHashAsync("open", Ct))!.Id);
            Assert.Equal(["open", "revoked"], (await invitations.ListRecentAsync(2, Ct)).Select(i => i.CodeHash));
        }

        var outcomes = await Task.WhenAll(new[] { "first@redeem.example", "second@redeem.example" }.Select(async email =>
        {
            await using var scope = store.Scope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            return await scope.ServiceProvider.GetRequiredService<InvitationStore>().RedeemAsync(open.Id, now, async () =>
            {
                var user = new PortalUser { UserName = email, Email = email, DisplayName = email, ContactId = open.ContactId };
                return (await users.CreateAsync(user)).Succeeded ? user.Id : null;
            }, Ct);
        }));

        Assert.Equal([false, true], outcomes.Order());
        await using (var scope = store.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<PortalUsers>();
            var redeemer = Assert.Single(await users.ListOfContactAsync(open.ContactId, Ct));
            var redeemed = (await scope.ServiceProvider.GetRequiredService<InvitationStore>().FindAsync(open.Id, Ct))!;
            Assert.Equal(redeemer.Id, redeemed.RedeemedByUserId);
            Assert.Equal(InvitationState.Redeemed, redeemed.StateAt(now));
        }
    }

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task ARedemptionWhoseUserCannotBeCreatedLeavesTheInvitationOpen(PortalStoreProvider provider)
    {
        await using var store = await OpenedStore.OpenAsync(provider);
        var now = Start.UtcDateTime;
        var invitation = Invitation(now, "code");
        await using (var scope = store.Scope())
        {
            scope.ServiceProvider.GetRequiredService<InvitationStore>().Add(invitation);
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(Administrator, "InvitationSent", "one", null, Ct);
        }

        await using (var scope = store.Scope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<InvitationStore>().RedeemAsync(invitation.Id, now, () => Task.FromResult<string?>(null), Ct));
        }

        await using (var scope = store.Scope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<InvitationStore>().IsInvitedAsync(invitation.ContactId, now, Ct));
        }
    }

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task AnAddressWithAPendingRequestCannotAddASecondAndADecidedRequestLeavesThePendingList(PortalStoreProvider provider)
    {
        await using var store = await OpenedStore.OpenAsync(provider);
        var now = Start.UtcDateTime;
        var casey = Request("casey@requester.example", now);
        await using (var scope = store.Scope())
        {
            var requests = scope.ServiceProvider.GetRequiredService<RegistrationRequestStore>();
            await requests.AddUnlessPendingAsync(casey, Ct);
            await requests.AddUnlessPendingAsync(Request("casey@requester.example", now.AddMinutes(5)), Ct);
            await requests.AddUnlessPendingAsync(Request("early@requester.example", now.AddHours(-1)), Ct);
        }

        await using (var scope = store.Scope())
        {
            var requests = scope.ServiceProvider.GetRequiredService<RegistrationRequestStore>();
            Assert.Equal(["early@requester.example", "casey@requester.example"], (await requests.ListPendingAsync(10, Ct)).Select(r => r.Email));
            var found = (await requests.FindAsync(casey.Id, Ct))!;
            found.State = RegistrationState.Approved;
            found.DecidedAt = now.AddHours(1);
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(Administrator, "RegistrationApproved", found.Email, null, Ct);
        }

        await using (var scope = store.Scope())
        {
            var requests = scope.ServiceProvider.GetRequiredService<RegistrationRequestStore>();
            Assert.Equal(["early@requester.example"], (await requests.ListPendingAsync(10, Ct)).Select(r => r.Email));
            Assert.Equal([casey.Id], (await requests.ListDecidedAsync(10, Ct)).Select(r => r.Id));
            Assert.Equal(now.AddHours(1), (await requests.ReadAsync(casey.Id, Ct))!.DecidedAt);
        }
    }

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task TheAuditTrailListsTheNewestEntriesFirstAndSavesAnAddedEntryWithTheActionItRecords(PortalStoreProvider provider)
    {
        await using var store = await OpenedStore.OpenAsync(provider);
        await using (var scope = store.Scope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await audit.RecordAsync(Administrator, "First", "one", null, Ct);
            store.Clock.Advance(TimeSpan.FromMinutes(1));
            await audit.RecordAsync(Administrator, "Second", new string('s', 600), "details", Ct);
            store.Clock.Advance(TimeSpan.FromMinutes(1));
            // Added, then saved by Identity's UserManager together with the user it creates.
            audit.Add(Administrator, "Third", "new user");
            var user = new PortalUser { UserName = "new@audit.example", Email = "new@audit.example", DisplayName = "New" };
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user)).Succeeded);
        }

        await using (var scope = store.Scope())
        {
            var latest = await scope.ServiceProvider.GetRequiredService<AuditTrail>().ListLatestAsync(2, Ct);
            Assert.Equal(["Third", "Second"], latest.Select(e => e.Action));
            Assert.Equal(Start.AddMinutes(2).UtcDateTime, latest[0].At);
            Assert.Equal(512, latest[1].Subject.Length);
            Assert.Equal(Administrator.Identity!.Name, latest[1].ActorName);
        }
    }

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task TheUserListFindsNamesAndAddressesWhateverTheirCaseAndTakesWildcardsLiterally(PortalStoreProvider provider)
    {
        await using var store = await OpenedStore.OpenAsync(provider);
        var (heleneContact, otherContact) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var scope = store.Scope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in PortalRoles.All)
            {
                Assert.True((await roles.CreateAsync(new IdentityRole(role))).Succeeded);
            }

            await CreateUserAsync(scope, "Hélène Dupont", "Helene.Dupont@Example.com", PortalRoles.AuthorizedUser, heleneContact);
            await CreateUserAsync(scope, "Bob 100% Sure", "bob@example.com", PortalRoles.Administrator);
            await CreateUserAsync(scope, "Zoé Martin", "zoe_martin@example.com", PortalRoles.CustomerRepresentative);
        }

        await using (var scope = store.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<PortalUsers>();
            async Task<List<string>> Names(string? search, IReadOnlyCollection<Guid>? contacts = null) =>
                [.. (await users.ListAsync(search, contacts, Ct)).Select(u => u.DisplayName)];

            Assert.Equal(["Hélène Dupont"], await Names("hélène"));
            Assert.Equal(["Hélène Dupont"], await Names("HÉLÈNE"));
            Assert.Equal(["Hélène Dupont"], await Names("helene.dupont@example"));
            Assert.Equal(["Zoé Martin"], await Names("zoé"));
            Assert.Equal(["Bob 100% Sure"], await Names("%"));
            Assert.Equal(["Zoé Martin"], await Names("_"));
            Assert.Equal(["Bob 100% Sure", "Hélène Dupont", "Zoé Martin"], await Names(null));
            var helene = Assert.Single(await users.ListAsync(null, [heleneContact, otherContact], Ct));
            Assert.Equal(PortalRoles.AuthorizedUser, helene.Role);

            Assert.Equal([heleneContact], await users.ListContactsWithAccessAsync([heleneContact, otherContact], Ct));
            Assert.True(await users.AnyOfContactOrEmailAsync(otherContact, "HELENE.DUPONT@EXAMPLE.COM", Ct));
            Assert.False(await users.AnyOfContactOrEmailAsync(otherContact, null, Ct));
            await users.ProbeAsync(Ct);
        }
    }

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task FailedSignInsLockAUserOutAndADisabledUserIsListedAsDisabled(PortalStoreProvider provider)
    {
        await using var store = await OpenedStore.OpenAsync(provider);
        var lastSignIn = new DateTimeOffset(2026, 11, 30, 17, 45, 12, TimeSpan.Zero);
        await using (var scope = store.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var guesser = await CreateUserAsync(scope, "Guessed At", "guessed@example.com");
            guesser.LastSignInAt = lastSignIn;
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await users.AccessFailedAsync(guesser);
            }

            await users.SetLockoutEndDateAsync(await CreateUserAsync(scope, "Turned Off", "off@example.com"), PortalUser.DisabledUntil);
        }

        await using (var scope = store.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync("GUESSED@example.com"))!));
            var listed = (await scope.ServiceProvider.GetRequiredService<PortalUsers>().ListAsync(null, null, Ct)).ToDictionary(u => u.DisplayName);
            Assert.True(listed["Guessed At"].IsLockedOut);
            Assert.False(listed["Guessed At"].IsDisabled);
            Assert.Equal(lastSignIn, listed["Guessed At"].LastSignInAt);
            Assert.True(listed["Turned Off"].IsDisabled);
        }
    }

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task DataProtectionKeysKeptInTheStoreProtectForOneInstanceWhatAnotherUnprotects(PortalStoreProvider provider)
    {
        await using var store = await OpenedStore.OpenAsync(provider);
        await using var first = Instance(store.Options);
        await using var second = Instance(store.Options);

        var token = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("sign-in").Protect("ben@contoso.example");

        Assert.Equal("ben@contoso.example", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("sign-in").Unprotect(token));

        static ServiceProvider Instance(PortalStoreOptions options)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddPortalStore(options with { Create = false });
            services.AddDataProtection().SetApplicationName("CustomerPortal").PersistKeysToPortalStore();
            return services.BuildServiceProvider();
        }
    }

    private static readonly ClaimsPrincipal Administrator = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "admin-id"), new Claim(ClaimTypes.Name, "admin@portal.example")], "test"));

    private static Invitation Invitation(DateTime createdAt, string codeHash) => new()
    {
        Id = Guid.NewGuid(),
        ContactId = Guid.NewGuid(),
        AccountId = Guid.NewGuid(),
        AccountNumber = "US-0001",
        ContactName = "Invited Contact",
        Email = $"{codeHash}@invited.example",
        Role = PortalRoles.AuthorizedUser,
        CodeHash = codeHash,
        CreatedAt = createdAt,
        ExpiresAt = createdAt.AddDays(7),
        InvitedByUserId = "admin-id",
        InvitedByName = "admin@portal.example",
    };

    private static RegistrationRequest Request(string email, DateTime createdAt) => new()
    {
        Id = Guid.NewGuid(),
        Name = "Casey Requester",
        Email = email,
        CompanyName = "Requester Inc.",
        CreatedAt = createdAt,
    };

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task ASessionLastsUntilEndedRestampedOrDisabledAndAbandonedOnesAreDeletedAtASignIn(PortalStoreProvider provider)
    {
        await using var store = await OpenedStore.OpenAsync(provider);
        var lifetime = TimeSpan.FromHours(8);
        await using var scope = store.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var sessions = scope.ServiceProvider.GetRequiredService<PortalSessionStore>();
        var buyer = await CreateUserAsync(scope, "Ben Buyer", "ben@sessions.example");
        var other = await CreateUserAsync(scope, "Olga Other", "olga@sessions.example");

        var abandoned = await sessions.StartAsync(other.Id, lifetime, Ct);
        var used = await sessions.StartAsync(buyer.Id, lifetime, Ct);
        var ended = await sessions.StartAsync(buyer.Id, lifetime, Ct);
        await sessions.EndAsync(ended, Ct);

        Assert.True(await sessions.IsCurrentAsync(used, buyer.Id, buyer.SecurityStamp, Ct));
        Assert.False(await sessions.IsCurrentAsync(ended, buyer.Id, buyer.SecurityStamp, Ct));
        Assert.False(await sessions.IsCurrentAsync(used, other.Id, other.SecurityStamp, Ct));
        Assert.False(await sessions.IsCurrentAsync(used, buyer.Id, "an older stamp", Ct));

        // Used every hour for ten hours, one session lives on; the other, never used again, is deleted by
        // the next sign-in once its cookie (8 h sliding) cannot be presented any more.
        for (var hour = 0; hour < 10; hour++)
        {
            store.Clock.Advance(TimeSpan.FromHours(1));
            Assert.True(await sessions.IsCurrentAsync(used, buyer.Id, buyer.SecurityStamp, Ct));
        }

        await sessions.StartAsync(buyer.Id, lifetime, Ct);
        Assert.False(await sessions.IsCurrentAsync(abandoned, other.Id, other.SecurityStamp, Ct));
        Assert.True(await sessions.IsCurrentAsync(used, buyer.Id, buyer.SecurityStamp, Ct));

        // A lockout after wrong passwords (anyone can cause one) ends nothing; a disable does, stamp or not.
        Assert.True((await users.SetLockoutEndDateAsync(buyer, store.Clock.GetUtcNow().AddMinutes(15))).Succeeded);
        Assert.True(await sessions.IsCurrentAsync(used, buyer.Id, buyer.SecurityStamp, Ct));
        Assert.True((await users.SetLockoutEndDateAsync(buyer, PortalUser.DisabledUntil)).Succeeded);
        Assert.False(await sessions.IsCurrentAsync(used, buyer.Id, buyer.SecurityStamp, Ct));

        // Removing a user removes their sessions.
        var left = await sessions.StartAsync(other.Id, lifetime, Ct);
        Assert.True((await users.DeleteAsync(other)).Succeeded);
        Assert.False(await sessions.IsCurrentAsync(left, other.Id, other.SecurityStamp, Ct));
    }

    private static async Task<PortalUser> CreateUserAsync(AsyncServiceScope scope, string name, string email, string? role = null, Guid? contactId = null)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = name, ContactId = contactId };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        if (role is not null)
        {
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return user;
    }

    // A migrated throw-away store with Identity on it, opened as the portal opens it, on a fake clock.
    private sealed class OpenedStore : IAsyncDisposable
    {
        private readonly TestPortalStore _store;
        private readonly ServiceProvider _services;

        private OpenedStore(TestPortalStore store, ServiceProvider services, FakeTimeProvider clock) => (_store, _services, Clock) = (store, services, clock);

        public FakeTimeProvider Clock { get; }

        public PortalStoreOptions Options => _store.Options;

        public TestPortalStore Store => _store;

        public static async Task<OpenedStore> OpenAsync(PortalStoreProvider provider)
        {
            var store = TestPortalStore.Create(provider);
            var clock = new FakeTimeProvider(Start);
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton<TimeProvider>(clock);
            services.AddPortalStore(store.Options);
            services.AddIdentityCore<PortalUser>().AddRoles<IdentityRole>().AddPortalStoreIdentity();
            var provided = services.BuildServiceProvider();
            await provided.MigratePortalStoreAsync(Ct);
            return new(store, provided, clock);
        }

        public AsyncServiceScope Scope() => _services.CreateAsyncScope();

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            _store.Dispose();
        }
    }
}
