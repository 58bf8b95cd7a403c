using CustomerPortal.Core;
using CustomerPortal.PortalStore;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Tests.Seed;

public sealed class SeededPersonaTests(SeededMirror seeded)
{
    [Theory]
    [InlineData("rep@contoso.example", PortalRoles.CustomerRepresentative, "US-0001", "Rosa Representative")]
    [InlineData("buyer@contoso.example", PortalRoles.AuthorizedUser, "US-0001", "Ben Buyer")]
    [InlineData("buyer@fabrikam.example", PortalRoles.CustomerRepresentative, "DE-0001", "Frieda Fabrikam")]
    public async Task Customer_personas_sign_in_as_a_complete_contact_of_their_account(string email, string role, string accountNumber, string name)
    {
        using var store = seeded.OpenPortalStore();
        using var mirror = seeded.OpenMirror();
        var user = await store.Users.FindByEmailAsync(email);
        Assert.NotNull(user);
        var contact = mirror.Contacts.Single(c => c.ContactId == user.ContactId);
        var account = mirror.Accounts.Single(a => a.AccountId == contact.AccountId);

        Assert.Equal([role], await store.Users.GetRolesAsync(user));
        Assert.True(user.EmailConfirmed);
        Assert.Equal(name, user.DisplayName);
        Assert.Equal(accountNumber, account.AccountNumber);
        Assert.Equal(name, contact.FullName);
        Assert.Equal(email, contact.Email);
        // Everything the order flow needs from the contact.
        Assert.Equal(account.CompanyId, contact.CompanyId);
        Assert.Equal(account.PriceListId, contact.PriceListId);
        Assert.Equal(account.CurrencyId, contact.CurrencyId);
        Assert.Equal(account.Country, contact.Country);
        Assert.Equal(PasswordVerificationResult.Success,
            new PasswordHasher<PortalUser>().VerifyHashedPassword(user, user.PasswordHash!, "Test-Portal-2026!"));
    }

    [Fact]
    public async Task The_administrator_has_no_contact_and_every_role_exists()
    {
        using var store = seeded.OpenPortalStore();
        var admin = await store.Users.FindByEmailAsync("admin@portal.example");

        Assert.NotNull(admin);
        Assert.Null(admin.ContactId);
        Assert.Equal([PortalRoles.Administrator], await store.Users.GetRolesAsync(admin));
        Assert.Equal(PortalRoles.All.Order(), store.Roles.Roles.Select(r => r.Name!).AsEnumerable().Order());
        Assert.Equal(4, store.Users.Users.Count());
    }

    [Fact]
    public void Persona_accounts_have_colleagues_besides_the_personas()
    {
        using var mirror = seeded.OpenMirror();
        var us0001 = mirror.Accounts.Single(a => a.AccountNumber == "US-0001");
        var contacts = mirror.Contacts.Where(c => c.AccountId == us0001.AccountId).Select(c => c.Email).ToList();

        Assert.True(contacts.Count >= 4, $"US-0001 has {contacts.Count} contacts");
        Assert.Contains("rep@contoso.example", contacts);
        Assert.Contains("buyer@contoso.example", contacts);
    }
}
