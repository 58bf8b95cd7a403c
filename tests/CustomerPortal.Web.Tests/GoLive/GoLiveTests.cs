using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Core;
using CustomerPortal.PortalStore;
using CustomerPortal.Testing;
using CustomerPortal.Web.Administration;
using CustomerPortal.Web.Tests.Onboarding;

namespace CustomerPortal.Web.Tests.GoLive;

// Going live as the README says: an empty portal store, the create-admin verb, a portal without demo mode.
public sealed class GoLiveTests(SeededPortalData data)
{
    private const string AdministratorEmail = "it@contoso.example";
    private const string AdministratorPassword = "Quiet harbour 58 lanterns";

    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task TheBootstrappedAdministratorIsTheOnlySignInAndOnboardsACustomerInDataverseMode(PortalStoreProvider provider)
    {
        await using var portal = new DataversePortalFactory(data, ("Portal:DemoMode", "false"));
        File.Delete(portal.PortalStorePath);
        using var store = TestPortalStore.Create(provider, portal.PortalStorePath);
        foreach (var (key, value) in store.PortalSettings)
        {
            portal.Set(key, value);
        }

        var (exit, output, errors) = await RunAsync(AdministratorPassword,
            [PortalStoreCommands.CreateAdmin, "--email", AdministratorEmail, $"--Portal:DataDirectory={portal.DataDirectory}", .. store.PortalSettings.Select(s => $"--{s.Key}={s.Value}")]);
        Assert.True(exit == PortalStoreCommands.Done, errors);
        Assert.Contains(AdministratorEmail, output, StringComparison.Ordinal);

        foreach (var (email, password) in new[] { (Personas.Representative, Personas.Password), (Personas.Administrator, Personas.AdministratorPassword) })
        {
            using var demo = portal.CreatePortalClient();
            var refused = await demo.SubmitSignInFormAsync(email, password);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.False(PortalClient.SetsCookie(refused, "CustomerPortal.Auth"));
        }

        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(AdministratorEmail, AdministratorPassword);
        var contactId = DemoContacts.IdOf(data, DemoContacts.PreparedEmail);
        var invited = await PortalSteps.InviteAsync(admin, "invitee", contactId, PortalRoles.AuthorizedUser);
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        using var customer = portal.CreatePortalClient();
        var redeemed = await PortalSteps.RedeemAsync(customer, PortalSteps.LinkFromPickupFolder(portal.DataDirectory, DemoContacts.PreparedEmail), DemoContacts.NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);

        var orders = await customer.GetPageAsync("/Orders");
        var shown = orders.QuerySelectorAll<IHtmlAnchorElement>("table tbody a[href^='/Orders/']").Select(a => a.TextContent.Trim()).ToList();
        var own = portal.OwnMirror.OrderNumbersWithContactPerson(contactId);
        Assert.NotEmpty(shown);
        Assert.All(shown, number => Assert.Contains(number, own));
    }

    [Fact]
    public async Task CreateAdminRefusesAWeakPasswordAndAnExistingEmailAndChangesNothing()
    {
        var directory = Directory.CreateTempSubdirectory("customerportal-golive-");
        try
        {
            var location = $"--Portal:DataDirectory={directory.FullName}";

            var weak = await RunAsync("password", PortalStoreCommands.CreateAdmin, "--email", AdministratorEmail, location);
            Assert.Equal(PortalStoreCommands.BadInput, weak.Exit);
            Assert.Contains("Nothing was changed", weak.Errors, StringComparison.Ordinal);

            Assert.Equal(PortalStoreCommands.Done, (await RunAsync(AdministratorPassword, PortalStoreCommands.CreateAdmin, "--email", AdministratorEmail, location)).Exit);
            var again = await RunAsync("Another long passphrase 12", PortalStoreCommands.CreateAdmin, "--email", AdministratorEmail, location);
            Assert.Equal(PortalStoreCommands.Refused, again.Exit);
            Assert.Contains("already has a sign-in", again.Errors, StringComparison.Ordinal);

            var store = PortalStoreQueries.Open(Path.Combine(directory.FullName, "portal.db"));
            Assert.Equal(1, store.Count("SELECT count(*) FROM AspNetUsers"));
            Assert.Equal(1, store.Count("SELECT count(*) FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE r.Name = 'Administrator'"));
            Assert.Equal(1, store.Count("SELECT count(*) FROM PortalAuditLog WHERE Action = 'AdministratorCreated'"));

            var noEmail = await RunAsync(AdministratorPassword, PortalStoreCommands.CreateAdmin, location);
            Assert.Equal(PortalStoreCommands.BadInput, noEmail.Exit);
            Assert.Contains("--email", noEmail.Errors, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task OutsideDemoModeTheDemoStoreDoesNotStartUntilRemoveDemoUsersHasRun()
    {
        await using var portal = new PrivatePortalFactory(data);
        portal.Set("Portal:DemoMode", "false");

        var refused = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());
        Assert.Contains(PortalStoreCommands.RemoveDemoUsers, refused.Message, StringComparison.Ordinal);
        Assert.Contains(Personas.Administrator, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Personas.AdministratorPassword, refused.Message, StringComparison.Ordinal);

        var removed = await RunAsync("", PortalStoreCommands.RemoveDemoUsers, $"--Portal:DataDirectory={portal.DataDirectory}");
        Assert.Equal(PortalStoreCommands.Done, removed.Exit);
        Assert.Contains(Personas.Representative, removed.Output, StringComparison.Ordinal);

        await using var cleaned = new ConfiguredDirectoryFactory(data, portal.DataDirectory, ("Portal:DemoMode", "false"));
        using var client = cleaned.CreatePortalClient();
        var signIn = await client.SubmitSignInFormAsync(Personas.Administrator, Personas.AdministratorPassword);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var store = PortalStoreQueries.Open(portal.PortalStorePath);
        Assert.Equal(0, store.Count("SELECT count(*) FROM AspNetUsers WHERE NormalizedEmail = $p0", Personas.Representative.ToUpperInvariant()));
        Assert.True(store.Count("SELECT count(*) FROM PortalAuditLog WHERE Action = 'DemoUserRemoved'") >= 4);
    }

    [Fact]
    public async Task StartUpWithoutAPortalStoreNamesCreateAdmin()
    {
        await using var portal = new PrivatePortalFactory(data);
        File.Delete(portal.PortalStorePath);

        var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains("create-admin", error.Message, StringComparison.Ordinal);
        Assert.Contains(portal.PortalStorePath, error.Message, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string standardInput, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await PortalStoreCommands.RunAsync(args, new StringReader(standardInput + "\n"), output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    // A second portal over a private directory another factory made (which keeps it until it is disposed).
    private sealed class ConfiguredDirectoryFactory : PortalFactory
    {
        private readonly string _directory;

        public ConfiguredDirectoryFactory(SeededPortalData data, string directory, params (string Key, string? Value)[] settings)
            : base(data)
        {
            _directory = directory;
            foreach (var (key, value) in settings)
            {
                Settings[key] = value;
            }
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:DataDirectory", _directory);
        }
    }
}
