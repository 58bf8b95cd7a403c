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
