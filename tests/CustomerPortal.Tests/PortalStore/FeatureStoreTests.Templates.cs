using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Templates;
using CustomerPortal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Tests.PortalStore;

// Order templates (issue 13) on both providers: who sees which, names unique per owner whatever the
// letters' case, lines kept in order, and a delete that only ever reaches a template the viewer sees.
public sealed partial class FeatureStoreTests
{
    [Theory]
    [MemberData(nameof(TestPortalStore.Providers), MemberType = typeof(TestPortalStore))]
    public async Task TemplatesAreSeenByTheirOwnerSharedOnesByTheAccountAndNeverAcrossAccountsOrLegalEntities(PortalStoreProvider provider)
    {
        await using var store = await OpenedStore.OpenAsync(provider);
        var (account, company) = (Guid.NewGuid(), Guid.NewGuid());
        var rep = new TemplateViewer("rep", account, company);
        var buyer = new TemplateViewer("buyer", account, company);
        var shared = Template(rep, "Weekly", shared: true, ("A-1", 1m), ("B-2", 2.5m), ("C-3", 3m));
        var mine = Template(buyer, "Weekly", shared: false, ("D-4", 4m));
        var otherAccount = Template(rep with { AccountId = Guid.NewGuid() }, "Weekly", shared: true, ("E-5", 5m));
        var otherCompany = Template(rep with { CompanyId = Guid.NewGuid() }, "Weekly", shared: true, ("F-6", 6m));
        await using (var scope = store.Scope())
        {
            var templates = scope.ServiceProvider.GetRequiredService<OrderTemplateStore>();
            foreach (var template in new[] { shared, mine, otherAccount, otherCompany })
            {
                Assert.True(await templates.AddAsync(template, Ct));
            }
        }

        await using (var scope = store.Scope())
        {
            var templates = scope.ServiceProvider.GetRequiredService<OrderTemplateStore>();
            Assert.Equal([shared.Id], (await templates.ListVisibleAsync(rep, Ct)).Select(t => t.Id));
            var listed = await templates.ListVisibleAsync(buyer, Ct);
            Assert.Equal([(shared.Id, 3), (mine.Id, 1)], listed.Select(t => (t.Id, t.LineCount)).OrderBy(t => t.LineCount == 1));
            Assert.Null(await templates.FindVisibleAsync(rep, mine.Id, Ct));
            Assert.Null(await templates.FindVisibleAsync(rep, otherAccount.Id, Ct));
            Assert.Null(await templates.FindVisibleAsync(rep, otherCompany.Id, Ct));
            Assert.False(await templates.DeleteAsync(rep, mine.Id, Ct));
            Assert.False(await templates.DeleteAsync(rep, otherAccount.Id, Ct));

            // The same name in other letters is taken for its owner only; another owner may use it.
            Assert.True(await templates.NameTakenAsync(rep, " weekly ", null, Ct));
            Assert.False(await templates.NameTakenAsync(rep, "weekly", shared.Id, Ct));
            Assert.False(await templates.NameTakenAsync(new TemplateViewer("someone", account, company), "Weekly", null, Ct));
            Assert.False(await templates.AddAsync(Template(rep, "WEEKLY", shared: true, ("G-7", 7m)), Ct));

            var found = (await templates.FindVisibleAsync(buyer, shared.Id, Ct))!;
            Assert.Equal(["A-1", "B-2", "C-3"], found.Lines.Select(l => l.ItemNumber));
            Assert.Equal(2.5m, found.Lines[1].Quantity);
            templates.RemoveLine(found, found.Lines[0]);
            found.Name = "Monthly";
            Assert.True(await templates.SaveAsync(found, Ct));
        }

        await using (var scope = store.Scope())
        {
            var templates = scope.ServiceProvider.GetRequiredService<OrderTemplateStore>();
            var found = (await templates.FindVisibleAsync(rep, shared.Id, Ct))!;
            Assert.Equal(("Monthly", "MONTHLY"), (found.Name, found.NormalizedName));
            Assert.Equal([(1, "B-2"), (2, "C-3")], found.Lines.Select(l => (l.Position, l.ItemNumber)));
            Assert.True(await templates.DeleteAsync(rep, shared.Id, Ct));
            Assert.Null(await templates.FindVisibleAsync(rep, shared.Id, Ct));
            Assert.Equal([mine.Id], (await templates.ListVisibleAsync(buyer, Ct)).Select(t => t.Id));
        }

        // The deleted template's lines went with it.
        Assert.Equal(["3"], store.Store.Strings("SELECT count(*) FROM \"PortalOrderTemplateLines\""));
    }

    private static OrderTemplate Template(TemplateViewer owner, string name, bool shared, params (string Item, decimal Quantity)[] lines) => new()
    {
        Id = Guid.NewGuid(),
        AccountId = owner.AccountId,
        CompanyId = owner.CompanyId,
        OwnerUserId = owner.UserId,
        OwnerName = owner.UserId,
        IsShared = shared,
        Name = name,
        Lines = [.. lines.Select(l => new OrderTemplateLine { Id = Guid.NewGuid(), ProductId = Guid.NewGuid(), ItemNumber = l.Item, ProductName = l.Item, Quantity = l.Quantity })],
    };
}
