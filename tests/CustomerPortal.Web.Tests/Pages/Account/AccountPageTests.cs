using AngleSharp.Dom;

namespace CustomerPortal.Web.Tests.Pages.Account;

// /Account: the customer account the user acts for, and its people for representatives only.
public sealed class AccountPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly PortalTexts Text = PortalTexts.English;

    [Theory]
    [InlineData(Personas.Representative)]
    [InlineData(Personas.AuthorizedUser)]
    [InlineData(Personas.OtherCustomer)]
    public async Task ShowsTheAccountNumberNameAndLegalEntityOfTheUsersContact(string email)
    {
        var contact = portal.Mirror.ContactByEmail(email);
        using var client = await SignedInAsync(email);

        var page = await client.GetPageAsync("/Account");

        var facts = Facts(page, "account-heading");
        Assert.Equal(contact.AccountNumber, facts[Text["Account.Number"]]);
        Assert.Equal(contact.AccountName, facts[Text["Account.Name"]]);
        Assert.Equal($"{contact.CompanyName} ({contact.CompanyCode})", facts[Text["Account.LegalEntity"]]);
        Assert.Equal(contact.AccountName, page.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task RepresentativeSeesEveryActiveContactOfTheAccount()
    {
        var expected = portal.Mirror.ContactNamesOfAccountOf(Personas.Representative).Order(StringComparer.Ordinal).ToList();
        using var client = await SignedInAsync(Personas.Representative);

        var page = await client.GetPageAsync("/Account");

        var table = page.QuerySelector("section[aria-labelledby=contacts-heading] table")!;
        var names = HtmlTable.Rows(table).Select(row => HtmlTable.DesktopText(row[Text["Contact.Name"]])).ToList();
        Assert.True(expected.Count > 1, "The account should have colleagues.");
        Assert.Equal(expected, names.Order(StringComparer.Ordinal));
        Assert.Equal(Text["Account.ContactCountMany", expected.Count], table.QuerySelector("caption")!.TextContent.Trim());
    }

    [Fact]
    public async Task AuthorizedUserDoesNotSeeTheAccountsContacts()
    {
        var me = portal.Mirror.ContactByEmail(Personas.AuthorizedUser);
        var colleagues = portal.Mirror.ContactNamesOfAccountOf(Personas.AuthorizedUser).Where(name => name != me.FullName).ToList();
        using var client = await SignedInAsync(Personas.AuthorizedUser);

        var page = await client.GetPageAsync("/Account");

        Assert.NotEmpty(colleagues);
        Assert.Null(page.GetElementById("contacts-heading"));
        Assert.DoesNotContain(Text["Account.Contacts"], page.Body!.TextContent, StringComparison.Ordinal);
        Assert.All(colleagues, name => Assert.DoesNotContain(name, page.Body!.TextContent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Personas.Representative)]
    [InlineData(Personas.AuthorizedUser)]
    public async Task InvoicedThisYearAndLastYearAndTheLatestInvoicesAreThoseTheUserMaySee(string email)
    {
        var visible = portal.Mirror.InvoicesOf(email);
        var year = PortalFactory.Today.Year;
        using var client = await SignedInAsync(email);

        var page = await client.GetPageAsync("/Account");

        Assert.NotEmpty(visible);
        var invoiced = Facts(page, "invoices-heading");
        foreach (var y in new[] { year, year - 1 })
        {
            var ofYear = visible.Where(i => i.Date.Year == y).ToList();
            var expected = ofYear.Count == 0
                ? Text["Account.NothingInvoiced"]
                : string.Join(" ", ofYear.GroupBy(i => i.Currency).OrderBy(g => g.Key.IsoCode, StringComparer.Ordinal).Select(g =>
                    g.Key.Format(g.Sum(i => i.Total), Text.Culture) + " " + Text[g.Count() == 1 ? "Account.InvoiceCountOne" : "Account.InvoiceCountMany", g.Count().ToString("N0", Text.Culture)]));
            Assert.Equal(expected, invoiced[Text["Account.InvoicedIn", y]]);
        }

        var latest = page.QuerySelectorAll("#account-recent-invoices tbody tr td:first-child a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(visible.Take(5).Select(i => "/Invoices/" + i.Number), latest);
        Assert.Equal("/Invoices", page.QuerySelector("#account-all-invoices")!.GetAttribute("href"));
    }

    [Fact]
    public async Task OnlyTheRepresentativeSeesTheAccountsCreditLimit()
    {
        var limit = portal.Mirror.Query(
            "SELECT a.creditlimit FROM account a JOIN contact me ON upper(me.parentcustomerid) = upper(a.accountid) WHERE me.emailaddress1 = $p0",
            r => r.IsDBNull(0) ? (decimal?)null : r.GetDecimal(0), Personas.Representative).Single();
        using var representative = await SignedInAsync(Personas.Representative);
        using var buyer = await SignedInAsync(Personas.AuthorizedUser);

        var representativePage = await representative.GetPageAsync("/Account");
        var buyerPage = await buyer.GetPageAsync("/Account");

        Assert.NotNull(limit);
        Assert.Contains(Text["Account.CreditLimit"], Facts(representativePage, "terms-heading").Keys);
        Assert.DoesNotContain(Text["Account.CreditLimit"], Facts(buyerPage, "terms-heading").Keys);
        Assert.Contains(Text["Account.OnHold"], Facts(buyerPage, "terms-heading").Keys);
        Assert.Equal(Text["Account.InvoicesIntroOwn"], buyerPage.QuerySelector("#account-invoices .card-header p")!.TextContent.Trim());
    }

    private static Dictionary<string, string> Facts(IDocument page, string sectionHeadingId) =>
        page.QuerySelectorAll($"section[aria-labelledby={sectionHeadingId}] dl dt")
            .ToDictionary(dt => dt.TextContent.Trim(), dt => HtmlTable.DesktopText(dt.NextElementSibling!), StringComparer.Ordinal);

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email, Personas.Password);
        return client;
    }
}
