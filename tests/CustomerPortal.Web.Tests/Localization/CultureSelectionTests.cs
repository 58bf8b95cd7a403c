using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Core;
using CustomerPortal.Core.Orders;

namespace CustomerPortal.Web.Tests.Localization;

// Which language a page is in (culture cookie first, then Accept-Language) and how money and dates are written.
public sealed class CultureSelectionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string CultureCookie = ".AspNetCore.Culture";

    [Theory]
    [InlineData("Accept-Language", Personas.Representative)]
    [InlineData("Accept-Language", Personas.OtherCustomer)]
    [InlineData("picker", Personas.Representative)]
    [InlineData("picker", Personas.OtherCustomer)]
    public async Task OrdersPageIsInFrenchWithMoneyAndDatesWrittenForFrance(string chosenBy, string email)
    {
        var fr = PortalTexts.French;
        using var client = chosenBy == "picker" ? await SignedInAsOwnUserAsync(email) : await SignedInAsync(email);
        if (chosenBy == "picker")
        {
            await PickCultureAsync(client, "/Orders", "fr-FR");
        }
        else
        {
            client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");
        }

        var page = await client.GetPageAsync("/Orders");

        Assert.Equal("fr-FR", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(fr["Orders.Title"], page.QuerySelector("main h1")!.TextContent.Trim());
        var row = HtmlTable.Rows(page.QuerySelector("table")!)[0];
        var order = portal.Mirror.Order(HtmlTable.DesktopText(row[fr["Order.Number"]]));
        var expectedTotal = order.Currency.Format(order.TotalAmount, CultureInfo.GetCultureInfo("fr-FR"));
        Assert.Equal(expectedTotal, HtmlTable.DesktopText(row[fr["Order.Total"]]));
        Assert.Equal(DateOnly.FromDateTime(order.CreatedOnUtc).ToString("d", CultureInfo.GetCultureInfo("fr-FR")), HtmlTable.DesktopText(row[fr["Order.OrderDate"]]));
        Assert.Equal(fr[$"ProcessingStatus.{(ProcessingStatus)order.ProcessingStatus}"], HtmlTable.DesktopText(row[fr["Order.Status"]]));

        // The order itself, in the same language: the grand total in the order's currency as France writes it.
        var details = await client.GetPageAsync("/Orders/" + order.Number);
        Assert.Equal(fr["Order.Title", order.Number], details.QuerySelector("h1 span")!.TextContent.Trim());
        Assert.Equal(expectedTotal, details.QuerySelector("dd.grand-total")!.TextContent.Trim());
    }

    [Fact]
    public async Task FrenchAmountsUseFrenchSeparatorsAndTheCurrencySymbolAfterTheNumber()
    {
        // Independent of the helper above: a large USD order must read like "12 345,67 $", not "$12,345.67".
        var order = portal.Mirror.OrdersOfAccountOf(Personas.Representative).Where(o => o.TotalAmount >= 1000).MaxBy(o => o.CreatedOnUtc)!;
        using var client = await SignedInAsync(Personas.Representative);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");

        var total = (await client.GetPageAsync("/Orders/" + order.Number)).QuerySelector("dd.grand-total")!.TextContent.Trim();

        var france = CultureInfo.GetCultureInfo("fr-FR").NumberFormat;
        var whole = decimal.Truncate(order.TotalAmount).ToString("#,0", france);
        var cents = ((int)((order.TotalAmount - decimal.Truncate(order.TotalAmount)) * 100)).ToString("00", CultureInfo.InvariantCulture);
        Assert.StartsWith($"{whole},{cents}", total, StringComparison.Ordinal);
        Assert.EndsWith(order.Currency.Symbol, total, StringComparison.Ordinal);
        Assert.DoesNotContain(".", total, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR", "fr-FR")]
    [InlineData("fr-CA", "fr-FR")]
    [InlineData("fr", "fr-FR")]
    [InlineData("de-DE", "en-US")]
    [InlineData("de-DE, fr;q=0.5", "fr-FR")]
    [InlineData("fr;q=0, en;q=0.8", "en-US")]
    public async Task AcceptLanguageIsMatchedOnTheLanguage(string acceptLanguage, string expectedCulture)
    {
        using var client = await SignedInAsync(Personas.Representative);
        client.Http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var page = await client.GetPageAsync("/Orders");

        Assert.Equal(expectedCulture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(PortalTexts.For(expectedCulture)["Orders.Title"], page.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task PickerSetsTheCultureCookieAndReturnsToThePage()
    {
        using var client = await SignedInAsOwnUserAsync(Personas.Representative);

        var response = await PickCultureAsync(client, "/Products?search=A", "fr-FR");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Products?search=A", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CultureCookie + "=", StringComparison.Ordinal));
        Assert.Contains(Uri.EscapeDataString("c=fr-FR|uic=fr-FR"), cookie, StringComparison.Ordinal);
        var (_, page) = await client.FollowAsync(response);
        Assert.Equal(PortalTexts.French["Products.Title"], page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("button[name=culture][value=fr-FR]")!.GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task CookieChoiceWinsOverTheBrowsersLanguage()
    {
        using var client = await SignedInAsOwnUserAsync(Personas.Representative);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        Assert.Equal("fr-FR", (await client.GetPageAsync("/Orders")).DocumentElement.GetAttribute("lang"));

        await PickCultureAsync(client, "/Orders", "en-US");

        var page = await client.GetPageAsync("/Orders");
        Assert.Equal("en-US", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(PortalTexts.English["Orders.Title"], page.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task PickerRefusesANonLocalReturnUrl(string returnUrl)
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetPageAsync("/Identity/Account/Login");

        var response = await client.SubmitAsync(PickerForm(page), new Dictionary<string, string> { ["returnUrl"] = returnUrl }, PickerButton(page, "fr-FR"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PickerIgnoresACultureThePortalDoesNotSpeak()
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetPageAsync("/Identity/Account/Login");
        var button = PickerButton(page, "fr-FR");
        button.Value = "de-DE";

        var response = await client.SubmitAsync(PickerForm(page), submitter: button);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(PortalClient.SetsCookie(response, CultureCookie));
    }

    private static IHtmlFormElement PickerForm(IDocument page) => page.QuerySelector<IHtmlFormElement>("form.culture-picker")!;

    private static IHtmlButtonElement PickerButton(IDocument page, string culture) =>
        page.QuerySelector<IHtmlButtonElement>($"form.culture-picker button[name=culture][value={culture}]")!;

    // Opens the page and presses the footer's language button, as a user does.
    private static async Task<HttpResponseMessage> PickCultureAsync(PortalClient client, string onPage, string culture)
    {
        var page = await client.GetPageAsync(onPage);
        return await client.SubmitAsync(PickerForm(page), submitter: PickerButton(page, culture));
    }

    // The picker stores a signed-in user's choice in their profile: a user of the test's own, linked to the
    // persona's contact, so the demo personas keep no language and other tests' Accept-Language still counts.
    private async Task<PortalClient> SignedInAsOwnUserAsync(string persona)
    {
        var email = await portal.CreateUserAsync(Personas.Password, PortalRoles.CustomerRepresentative, linkedToContactOf: persona);
        return await SignedInAsync(email);
    }

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email, Personas.Password);
        return client;
    }
}
