using CustomerPortal.PortalStore.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Web.Tests.Isolation;

// Order templates the sweep replays: one shared and one private template of each customer persona, made
// in the portal's own store. Returned are those the persona must not see, by id with their names: other
// accounts' templates, and a colleague's private one.
public static class ForeignTemplates
{
    public static async Task<Dictionary<Guid, string>> CreateAsync(PortalFactory portal, MirrorQueries mirror, PortalStoreQueries store, string persona)
    {
        var foreign = new Dictionary<Guid, string>();
        using var scope = portal.Services.CreateScope();
        var templates = scope.ServiceProvider.GetRequiredService<OrderTemplateStore>();
        foreach (var owner in new[] { Personas.Representative, Personas.AuthorizedUser, Personas.OtherCustomer })
        {
            var userId = store.Scalar("SELECT Id FROM AspNetUsers WHERE NormalizedEmail = $p0", owner.ToUpperInvariant())!;
            var account = Guid.Parse(mirror.Scalar<string>("SELECT parentcustomerid FROM contact WHERE emailaddress1 = $p0", owner)!);
            var company = Guid.Parse(mirror.Scalar<string>("SELECT msdyn_company FROM contact WHERE emailaddress1 = $p0", owner)!);
            var sameAccount = account == Guid.Parse(mirror.Scalar<string>("SELECT parentcustomerid FROM contact WHERE emailaddress1 = $p0", persona)!);
            foreach (var shared in new[] { true, false })
            {
                var template = new OrderTemplate
                {
                    Id = Guid.NewGuid(),
                    AccountId = account,
                    CompanyId = company,
                    OwnerUserId = userId,
                    OwnerName = "Sweep owner",
                    IsShared = shared,
                    Name = $"Sweep template {(shared ? "shared" : "private")} {Guid.NewGuid():N}",
                    Lines = [new OrderTemplateLine { Id = Guid.NewGuid(), ProductId = Guid.NewGuid(), ItemNumber = "SWEEP-1", ProductName = "Sweep", Quantity = 1 }],
                };
                Assert.True(await templates.AddAsync(template, TestContext.Current.CancellationToken));
                if (!sameAccount || (!shared && owner != persona))
                {
                    foreign.Add(template.Id, template.Name);
                }
            }
        }

        return foreign;
    }
}
