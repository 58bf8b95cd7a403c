namespace CustomerPortal.Web.Tests.Localization;

// The browser tab, the history list and a screen reader's first words name the page, in the user's language.
public sealed class PageTitleTests(SeededPortalData data)
{
    [Fact]
    public async Task TheMainPagesEachHaveTheirOwnTitleNamingThePageAndThePortal()
    {
        using var portal = new PortalFactory(data);
        var english = PortalTexts.English;
        var number = portal.Mirror.OrdersOfAccountOf(Personas.Representative)[0].Number;
        var titles = new Dictionary<string, string>();

        using (var anonymous = portal.CreatePortalClient())
        {
            await AddTitlesAsync(anonymous, titles, "/Identity/Account/Login", "/Identity/Account/ForgotPassword");
        }

        using (var representative = portal.CreatePortalClient())
        {
            await representative.SignInAsync(Personas.Representative, Personas.Password);
            await AddTitlesAsync(representative, titles, "/", "/Orders", $"/Orders/{number}", "/Orders/Drafts", "/Orders/New", "/Products", "/Account", "/Team",
                "/Identity/Account/Manage", "/no-such-page");
        }

        using (var administrator = portal.CreatePortalClient())
        {
            await administrator.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
            await AddTitlesAsync(administrator, titles, "/Admin/Invitations", "/Admin/Users", "/Admin/Audit");
        }

        var listing = string.Join("\n", titles.Select(t => $"{t.Key}: {t.Value}"));
        Assert.All(titles.Values, title => Assert.EndsWith(" – " + english["App.Name"], title, StringComparison.Ordinal));
        Assert.True(titles.Values.Distinct(StringComparer.Ordinal).Count() == titles.Count, "Pages share a title:\n" + listing);
        Assert.Equal(english["Layout.PageTitle", english["Orders.Title"], english["App.Name"]], titles["/Orders"]);
        Assert.Equal(english["Layout.PageTitle", english["Order.Title", number], english["App.Name"]], titles[$"/Orders/{number}"]);
        Assert.Equal(english["Layout.PageTitle", english["Status.NotFound.Title"], english["App.Name"]], titles["/no-such-page"]);
    }

    [Fact]
    public async Task TheTitleIsInTheUsersLanguage()
    {
        using var portal = new PortalFactory(data);
        var french = PortalTexts.French;
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(Personas.Representative, Personas.Password);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");

        var page = await client.GetPageAsync("/Orders");

        Assert.Equal(french["Layout.PageTitle", french["Orders.Title"], french["App.Name"]], page.Title);
    }

    // Issue 17 saw every tab read "Customer portal": each page's own name, in French, before the French brand.
    [Fact]
    public async Task EveryMainPageIsTitledWithItsOwnNameInFrench()
    {
        using var portal = new PortalFactory(data);
        var french = PortalTexts.French;
        var titles = new Dictionary<string, string>();
        using (var anonymous = portal.CreatePortalClient())
        {
            anonymous.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
            await AddTitlesAsync(anonymous, titles, "/Identity/Account/Login");
        }

        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        await client.SignInAsync(Personas.Representative, Personas.Password);
        await AddTitlesAsync(client, titles, "/", "/Orders", "/Orders/Drafts", "/Invoices", "/Products", "/Account", "/Team", "/Identity/Account/Manage");

        var listing = string.Join("\n", titles.Select(t => $"{t.Key}: {t.Value}"));
        Assert.All(titles.Values, title =>
        {
            Assert.EndsWith(" – " + french["App.Name"], title, StringComparison.Ordinal);
            Assert.NotEqual(french["App.Name"], title);
            Assert.DoesNotContain(PortalTexts.English["App.Name"], title, StringComparison.Ordinal);
        });
        Assert.True(titles.Values.Distinct(StringComparer.Ordinal).Count() == titles.Count, "Pages share a title:\n" + listing);
        Assert.Equal(french["Layout.PageTitle", french["Products.Title"], french["App.Name"]], titles["/Products"]);
        Assert.Equal(french["Layout.PageTitle", french["Invoices.Title"], french["App.Name"]], titles["/Invoices"]);
    }

    private static async Task AddTitlesAsync(PortalClient client, Dictionary<string, string> titles, params string[] urls)
    {
        foreach (var url in urls)
        {
            var (_, page) = await client.GetAsync(url);
            titles[url] = page.Title ?? "";
        }
    }
}
