using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Core.Invoices;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.Core.Products;
using CustomerPortal.DualWrite;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Web.Tests.Isolation;

// Every method of the data-source port, called with each persona's scope and other customers' rows,
// through whatever adapter the portal is configured with. A new port method fails the coverage test
// until it gets a probe here (or is listed as unscoped, with the reason).
public sealed class PortMethodIsolationTests(SeededPortalData data) : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _portal = new(data);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Administrator-only or scope-building lookups: every method of IContactAdministration takes no scope on
    // purpose, and the pages that use them are behind the Administrator policy (checked by the route sweep).
    private static readonly string[] Unscoped =
    [
        .. typeof(IContactAdministration).GetMethods().Select(m => $"{nameof(IContactAdministration)}.{m.Name}"), "IDataSourceHealth.CheckAsync",
        // The data source's side of OrderEntry, which applies the scope before and after every call (probed as IOrderEntry below).
        .. typeof(IOrderEntryStore).GetMethods().Select(m => $"{nameof(IOrderEntryStore)}.{m.Name}"),
        // The status-mail worker's system read across customers; it applies the ownership rule per user itself
        // (StatusMailTests checks that nobody is mailed about an order they may not see), and no page uses it.
        "IOrderChangeFeed.ReadChangesSinceAsync",
    ];

    private static readonly string[] Probed =
    [
        "ISalesOrderStore.ListAsync", "ISalesOrderStore.FindAsync", "ISalesOrderStore.SpendByMonthAsync", "ICustomerAccountStore.GetAsync", "ICustomerAccountStore.ListContactsAsync",
        "IProductCatalog.SearchAsync", "IContactDirectory.ListColleaguesAsync", "IContactDirectory.GetOwnDetailsAsync", "IContactDirectory.UpdateOwnDetailsAsync",
        "IOrderEntry.GetDefaultsAsync", "IOrderEntry.LookUpAsync", "IOrderEntry.SubmitAsync", "ICustomerRows.ListAsync",
        "IInvoiceStore.ListAsync", "IInvoiceStore.FindAsync", "IInvoiceStore.InvoicedTotalsAsync",
    ];

    public static TheoryData<string> CustomerPersonas => [Personas.Representative, Personas.AuthorizedUser, Personas.OtherCustomer];

    [Fact]
    public void EveryPortMethodIsProbedOrDeliberatelyUnscoped()
    {
        var methods = typeof(CustomerScope).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface)
            .SelectMany(t => t.GetMethods().Select(m => $"{t.Name}.{m.Name}"))
            .ToList();

        Assert.Empty(methods.Except(Probed).Except(Unscoped));
        // And the reverse: a probe or exemption naming a method that no longer exists is a stale list.
        Assert.Empty(Probed.Concat(Unscoped).Except(methods));
    }

    [Theory]
    [MemberData(nameof(CustomerPersonas))]
    public async Task ScopedPortMethodsNeverReturnOrChangeOtherCustomersRows(string persona)
    {
        var mirror = MirrorQueries.Open(data.MirrorPath);
        var foreign = ForeignRows.For(mirror, persona, [], []);
        var role = persona == Personas.AuthorizedUser ? CustomerRole.AuthorizedUser : CustomerRole.CustomerRepresentative;
        var scope = new CustomerScope(foreign.ContactId, foreign.AccountId, foreign.CompanyId, foreign.PriceListId, role);
        using var services = _portal.Services.CreateScope();
        var orders = services.ServiceProvider.GetRequiredService<ISalesOrderStore>();
        var accounts = services.ServiceProvider.GetRequiredService<ICustomerAccountStore>();
        var catalog = services.ServiceProvider.GetRequiredService<IProductCatalog>();
        var contacts = services.ServiceProvider.GetRequiredService<IContactDirectory>();
        var visibleContacts = mirror.Strings(
            role == CustomerRole.AuthorizedUser
                ? "SELECT upper(contactid) FROM contact WHERE upper(contactid) = $p0"
                : "SELECT upper(contactid) FROM contact WHERE upper(parentcustomerid) = $p1 AND upper(msdyn_company) = $p2",
            foreign.ContactId.ToString().ToUpperInvariant(), foreign.AccountId.ToString().ToUpperInvariant(), foreign.CompanyId.ToString().ToUpperInvariant());

        Assert.NotEmpty(foreign.OrderNumbers);
        foreach (var number in foreign.OrderNumbers)
        {
            Assert.Null(await orders.FindAsync(scope, number, Ct));
            var found = await orders.ListAsync(scope, new SalesOrderQuery(Search: number), Ct);
            Assert.DoesNotContain(found.Items, o => o.OrderNumber == number);
        }

        var all = await orders.ListAsync(scope, new SalesOrderQuery(PageSize: 100), Ct);
        Assert.All(all.Items, o => Assert.DoesNotContain(o.OrderNumber, foreign.OrderNumbers));
        foreach (var progress in Enum.GetValues<OrderProgress>())
        {
            var filtered = await orders.ListAsync(scope, new SalesOrderQuery(Progress: progress, Today: SeededPortalData.ReferenceDate, PageSize: 100), Ct);
            Assert.All(filtered.Items, o => Assert.DoesNotContain(o.OrderNumber, foreign.OrderNumbers));
        }

        // Spend per month counts the scope's own orders (not canceled) and nothing else.
        var spend = await orders.SpendByMonthAsync(scope, new DateOnly(2000, 1, 1), Ct);
        var ownOrders = mirror.Scalar<long>(
            "SELECT count(*) FROM salesorder WHERE upper(customerid) = $p0 AND upper(msdyn_company) = $p1 AND msdyn_processingstatus <> 192350007"
            + (role == CustomerRole.AuthorizedUser ? " AND upper(msdyn_contactperson) = $p2" : ""),
            foreign.AccountId.ToString().ToUpperInvariant(), foreign.CompanyId.ToString().ToUpperInvariant(), foreign.ContactId.ToString().ToUpperInvariant());
        Assert.Equal(ownOrders, spend.Sum(s => (long)s.OrderCount));
        await ProbeInvoicesAsync(services.ServiceProvider.GetRequiredService<IInvoiceStore>(), orders, mirror, scope);
        var rows = await services.ServiceProvider.GetRequiredService<ICustomerRows>().ListAsync(scope,
            new CustomerRowQuery<SalesOrderRow, SalesOrderSummary>(Records.SalesOrderSummary, o => o.CreatedOn, Count: 100), Ct);
        Assert.NotEmpty(rows);
        Assert.All(rows, o => Assert.DoesNotContain(o.OrderNumber, foreign.OrderNumbers));
        Assert.Equal(foreign.AccountId, (await accounts.GetAsync(scope, Ct))!.AccountId);
        Assert.All(await accounts.ListContactsAsync(scope, Ct), c => Assert.Contains(c.ContactId.ToString().ToUpperInvariant(), visibleContacts));
        Assert.All(await contacts.ListColleaguesAsync(scope, Ct), c => Assert.Contains(c.ContactId.ToString().ToUpperInvariant(), visibleContacts));

        var products = await catalog.SearchAsync(scope, new ProductQuery(PageSize: 25), Ct);
        foreach (var product in products.Items.Where(p => p.Price is not null))
        {
            var price = mirror.Scalar<decimal>("SELECT amount FROM productpricelevel WHERE upper(productid) = $p0 AND upper(pricelevelid) = $p1",
                product.ProductId.ToString().ToUpperInvariant(), foreign.PriceListId!.Value.ToString().ToUpperInvariant());
            Assert.Equal(price, product.Price);
        }

        // A scope can only come from the user's own claims, but the adapter does not trust it blindly:
        // another account's contact under this account's scope reads and changes nothing.
        var own = await contacts.GetOwnDetailsAsync(scope, Ct);
        Assert.NotNull(own);
        var otherAccountsContacts = mirror.Strings("SELECT contactid FROM contact WHERE upper(parentcustomerid) <> $p0 ORDER BY contactid LIMIT 5", foreign.AccountId.ToString().ToUpperInvariant());
        foreach (var otherContact in otherAccountsContacts.Select(Guid.Parse))
        {
            var tampered = scope with { ContactId = otherContact };
            Assert.Null(await contacts.GetOwnDetailsAsync(tampered, Ct));
            Assert.False(await contacts.UpdateOwnDetailsAsync(tampered, new ContactDetails("000", "Leaked"), Ct));
        }

        Assert.Equal(0L, mirror.Scalar<long>("SELECT count(*) FROM contact WHERE jobtitle = 'Leaked'"));
    }

    // Invoices follow their orders: the account and legal entity, and for an authorized user the order's contact
    // person. Every invoice outside that is never found, listed, linked from an order or counted in the totals.
    private static async Task ProbeInvoicesAsync(IInvoiceStore invoices, ISalesOrderStore orders, MirrorQueries mirror, CustomerScope scope)
    {
        var visibleRule = "upper(i.customerid) = $p0 AND upper(i.msdyn_company) = $p1"
            + (scope.SeesWholeAccount ? "" : " AND upper(ifnull(o.msdyn_contactperson, '')) = $p2");
        var from = "FROM invoice i JOIN salesorder o ON o.salesorderid = i.salesorderid";
        object[] values = [scope.AccountId.ToString().ToUpperInvariant(), scope.CompanyId.ToString().ToUpperInvariant(), scope.ContactId.ToString().ToUpperInvariant()];
        var visible = mirror.Strings($"SELECT i.msdyn_invoicenumber {from} WHERE {visibleRule}", values).ToHashSet(StringComparer.Ordinal);
        // Colleagues' invoices first (the authorized user's near miss), then other accounts'.
        var foreign = mirror.Strings($"SELECT i.msdyn_invoicenumber {from} WHERE NOT ({visibleRule}) ORDER BY upper(i.customerid) = $p0 DESC, i.msdyn_invoicenumber LIMIT 8", values);
        var foreignOrders = mirror.Strings($"SELECT DISTINCT o.msdyn_salesordernumber {from} WHERE NOT ({visibleRule}) ORDER BY upper(i.customerid) = $p0 DESC, 1 LIMIT 4", values);

        Assert.NotEmpty(visible);
        Assert.NotEmpty(foreign);
        foreach (var number in foreign)
        {
            Assert.Null(await invoices.FindAsync(scope, number, Ct));
            var found = await invoices.ListAsync(scope, new InvoiceQuery(Search: number), Ct);
            Assert.DoesNotContain(found.Items, i => i.InvoiceNumber == number);
        }

        foreach (var orderNumber in foreignOrders)
        {
            var order = await orders.FindAsync(scope, orderNumber, Ct);
            Assert.All(order?.Invoices ?? [], i => Assert.DoesNotContain(i.InvoiceNumber, foreign));
        }

        var listed = await invoices.ListAsync(scope, new InvoiceQuery(PageSize: 100), Ct);
        Assert.NotEmpty(listed.Items);
        Assert.All(listed.Items, i => Assert.Contains(i.InvoiceNumber, visible));
        var totals = await invoices.InvoicedTotalsAsync(scope, 2000, Ct);
        Assert.Equal(visible.Count, totals.Sum(t => t.InvoiceCount));
    }

    [Theory]
    [MemberData(nameof(CustomerPersonas))]
    public async Task OrderEntryDefaultsPricesAndSubmitsOnlyForTheScope(string persona)
    {
        using var portal = new PrivatePortalFactory(data);
        var mirror = MirrorQueries.Open(portal.MirrorPath);
        var foreign = ForeignRows.For(mirror, persona, [], []);
        var role = persona == Personas.AuthorizedUser ? CustomerRole.AuthorizedUser : CustomerRole.CustomerRepresentative;
        var scope = new CustomerScope(foreign.ContactId, foreign.AccountId, foreign.CompanyId, foreign.PriceListId, role);
        using var services = portal.Services.CreateScope();
        var entry = services.ServiceProvider.GetRequiredService<IOrderEntry>();

        var defaults = await entry.GetDefaultsAsync(scope, Ct);
        Assert.Equal(foreign.AccountId, defaults.Customer?.AccountId);
        Assert.Equal(foreign.ContactId, defaults.ContactId);

        var items = mirror.Strings("SELECT p.msdyn_productnumber FROM product p JOIN productpricelevel i ON i.productid = p.productid WHERE upper(i.pricelevelid) = $p0 ORDER BY 1 LIMIT 3",
            foreign.PriceListId!.Value.ToString().ToUpperInvariant());
        foreach (var product in (await entry.LookUpAsync(scope, items, [], Ct)).Where(p => p.UnitPrice is not null))
        {
            var price = mirror.Scalar<decimal>("SELECT amount FROM productpricelevel WHERE upper(productid) = $p0 AND upper(pricelevelid) = $p1",
                product.ProductId.ToString().ToUpperInvariant(), foreign.PriceListId!.Value.ToString().ToUpperInvariant());
            Assert.Equal(price, product.UnitPrice);
        }

        // Submitting under the id of another customer's order neither reveals nor touches that order.
        var theirs = foreign.OrderNumbers[0];
        var theirId = Guid.Parse(mirror.Scalar<string>("SELECT salesorderid FROM salesorder WHERE msdyn_salesordernumber = $p0 LIMIT 1", theirs)!);
        var before = mirror.Scalar<string>("SELECT count(*) || '|' || ifnull(sum(quantity), 0) FROM salesorderdetail WHERE salesorderid = (SELECT salesorderid FROM salesorder WHERE upper(salesorderid) = $p0)", theirId.ToString().ToUpperInvariant());
        var productId = mirror.Scalar<string>("SELECT productid FROM productpricelevel WHERE upper(pricelevelid) = $p0 LIMIT 1", foreign.PriceListId!.Value.ToString().ToUpperInvariant())!;
        var result = await entry.SubmitAsync(scope, new NewSalesOrder(theirId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)),
            new PostalAddress("1 Main St", null, "Springfield", null, "12345", "US"), null, null, [new NewSalesOrderLine(Guid.NewGuid(), Guid.Parse(productId), 1m)]), Ct);

        Assert.False(result.Succeeded);
        Assert.Null(result.OrderNumber);
        Assert.Equal(before, mirror.Scalar<string>("SELECT count(*) || '|' || ifnull(sum(quantity), 0) FROM salesorderdetail WHERE salesorderid = (SELECT salesorderid FROM salesorder WHERE upper(salesorderid) = $p0)", theirId.ToString().ToUpperInvariant()));
    }
}
