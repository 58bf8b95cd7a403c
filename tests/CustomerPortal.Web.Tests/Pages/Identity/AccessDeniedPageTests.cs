using System.Net;
using CustomerPortal.Core;
using CustomerPortal.PortalStore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Web.Tests.Pages.Identity;

public sealed class AccessDeniedPageTests(SeededPortalData data) : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _portal = new(data);

    [Fact]
    public async Task AUserWhoseContactHasNoLegalEntityIsToldWhichFieldIsMissingAndWhomToAsk()
    {
        var contactId = MirrorQueries.Open(data.MirrorPath).ContactWithoutCompany();
        const string email = "unprepared@access-denied.test";
        // Not built from the user's name: the password policy refuses that (issue #4).
        const string password = "Harbour-Lantern-2026!";
        await CreateUserAsync(email, password, contactId);
        using var client = _portal.CreatePortalClient();
        await client.SignInAsync(email, password);

        var (orders, _) = await client.GetAsync("/Orders");
        var (response, page) = await client.GetAsync(orders.Headers.Location!.PathAndQuery);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var missing = page.QuerySelectorAll("#contact-missing li").Select(li => li.GetAttribute("data-missing-field")).ToList();
        Assert.Contains("Company", missing);
        Assert.DoesNotContain("CustomerAccount", missing);
    }

    [Fact]
    public async Task AnAdministratorIsToldCustomerPagesAreForCustomersWithoutAMissingFieldList()
    {
        using var client = _portal.CreatePortalClient();
        await client.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);

        var (orders, _) = await client.GetAsync("/Orders");
        var (response, page) = await client.GetAsync(orders.Headers.Location!.PathAndQuery);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(page.QuerySelector("#contact-missing"));
        Assert.DoesNotContain("US-0001", page.Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task CreateUserAsync(string email, string password, Guid contactId)
    {
        using var scope = _portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, ContactId = contactId, DisplayName = "Unprepared Contact" };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, PortalRoles.AuthorizedUser)).Succeeded);
    }
}
