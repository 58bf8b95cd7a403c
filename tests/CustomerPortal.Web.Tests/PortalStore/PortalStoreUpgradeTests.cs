namespace CustomerPortal.Web.Tests.PortalStore;

// A data directory whose portal.db was made before the portal store had migrations (see
// tests/Shared/Fixtures): the portal's own start-up upgrades it, and its users and their data are still there.
public sealed class PortalStoreUpgradeTests(SeededPortalData data)
{
    private const string FixtureDraftId = "6f1d2a4b-0c3e-4b5a-9d8e-7f6a5b4c3d2e";

    [Fact]
    public async Task APortalStoreMadeBeforeMigrationsKeepsItsUsersAndTheirDrafts()
    {
        using var portal = new PrivatePortalFactory(data);
        // The demo seed is deterministic, so the fixture's users point at contacts of this mirror.
        File.Copy(Path.Combine(SeededPortalData.RepositoryRoot, "tests", "Shared", "Fixtures", "portal-made-before-migrations.db"),
            portal.PortalStorePath, overwrite: true);

        using var buyer = portal.CreatePortalClient();
        await buyer.SignInAsync(Personas.AuthorizedUser, Personas.Password);
        var drafts = await buyer.GetPageAsync("/Orders/Drafts");
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
        var audit = await admin.GetPageAsync("/Admin/Audit");

        Assert.NotNull(drafts.QuerySelector($"tr[data-draft='{FixtureDraftId}']"));
        Assert.Contains("kennedy.lueilwitz@jakubowski-goodwin.example", audit.Body!.TextContent, StringComparison.Ordinal);
        var store = PortalStoreQueries.Open(portal.PortalStorePath);
        // Recorded as on the initial migration, then brought up to date (the Data Protection keys table came later).
        Assert.Equal("20261202093652_InitialCreate", store.Scalar("SELECT min(MigrationId) FROM __EFMigrationsHistory"));
        Assert.Equal(0, store.Count("SELECT count(*) FROM DataProtectionKeys"));
        Assert.Equal(1, store.Count("SELECT count(*) FROM PortalInvitations"));
        Assert.Equal(1, store.Count("SELECT count(*) FROM PortalRegistrationRequests"));
        // The fixture's two entries; signing in may add more.
        Assert.Equal(2, store.Count("SELECT count(*) FROM PortalAuditLog WHERE At < '2026-12-01'"));
    }
}
