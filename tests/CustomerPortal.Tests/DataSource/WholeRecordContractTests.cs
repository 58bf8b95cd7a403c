using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Core.Invoices;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.Core.Products;
using CustomerPortal.Data.Sqlite;
using CustomerPortal.Tests.Dataverse;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Tests.DataSource;

// The whole-record half of the data-source contract. DataSourceContract runs once per adapter and checks
// each against the seed by numbers and counts; here both adapters answer the same questions on the same
// seed side by side and every field of every record must agree, so a column one adapter maps and the
// other forgets (and defaults to 0 or null) fails, naming the record and the field.
public sealed class WholeRecordContractTests : IClassFixture<EmulatorOverSeededMirror>, IDisposable
{
    private readonly SeededDemoMirror _mirror;
    private readonly ServiceProvider _sqliteServices;
    private readonly ServiceProvider _dataverseServices;
    private readonly IServiceScope _sqlite;
    private readonly IServiceScope _dataverse;

    public WholeRecordContractTests(SeededDemoMirror mirror, EmulatorOverSeededMirror emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        _mirror = mirror;
        _sqliteServices = new ServiceCollection().AddSqliteMirror(mirror.MirrorPath).BuildServiceProvider();
        _dataverseServices = emulator.Emulator.CreateAdapter();
        _sqlite = _sqliteServices.CreateScope();
        _dataverse = _dataverseServices.CreateScope();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> PersonasAndOrderQueries()
    {
        var data = new TheoryData<string, string>();
        foreach (var persona in new[] { "representative", "authorized user", "other customer" })
        {
            foreach (var query in OrderQueries.Keys)
            {
                data.Add(persona, query);
            }
        }

        return data;
    }

    // Several sorts and filters; each is paged to the end, so every order a persona can see is compared.
    private static readonly Dictionary<string, SalesOrderQuery> OrderQueries = new()
    {
        ["newest first"] = new(PageSize: 100),
        ["oldest first"] = new(Sort: SalesOrderSort.OldestFirst, PageSize: 50),
        ["number ascending"] = new(Sort: SalesOrderSort.NumberAscending, PageSize: 75),
        ["number descending"] = new(Sort: SalesOrderSort.NumberDescending, PageSize: 100),
        ["invoiced"] = new(Status: ProcessingStatus.Invoiced, PageSize: 25),
        ["search 00"] = new(Search: "00", PageSize: 40),
        // Dates are filled in from the seed (see OrderQuery): the demo's orders end on the day it was seeded.
        ["ninety days"] = new(PageSize: 30),
        ["open"] = new(Progress: OrderProgress.Open, PageSize: 7),
        ["late"] = new(Progress: OrderProgress.Late, Today: SeededDemoMirror.ReferenceDate, PageSize: 2),
        ["due soon"] = new(Progress: OrderProgress.DueSoon, Today: SeededDemoMirror.ReferenceDate, PageSize: 5),
        ["recently delivered"] = new(Progress: OrderProgress.RecentlyDelivered, Today: SeededDemoMirror.ReferenceDate, PageSize: 5),
        ["receipt date ascending"] = new(Sort: SalesOrderSort.ReceiptDateAscending, PageSize: 45),
        ["receipt date descending"] = new(Sort: SalesOrderSort.ReceiptDateDescending, PageSize: 45),
    };

    public static TheoryData<string, string> PersonasAndInvoiceQueries()
    {
        var data = new TheoryData<string, string>();
        foreach (var persona in new[] { "representative", "authorized user", "other customer" })
        {
            foreach (var query in InvoiceQueries.Keys)
            {
                data.Add(persona, query);
            }
        }

        return data;
    }

    // Issue 12: every sort, the search (invoice and order numbers) and the date filter, each paged to the end.
    private static readonly Dictionary<string, InvoiceQuery> InvoiceQueries = new()
    {
        ["newest first"] = new(PageSize: 10),
        ["oldest first"] = new(Sort: InvoiceSort.OldestFirst, PageSize: 7),
        ["number ascending"] = new(Sort: InvoiceSort.NumberAscending, PageSize: 9),
        ["number descending"] = new(Sort: InvoiceSort.NumberDescending, PageSize: 11),
        ["search invoice number"] = new(Search: "CIV-00000", PageSize: 5),
        ["search order number"] = new(Search: "SO-00", PageSize: 6),
        ["invoice dates"] = new(InvoicedFrom: SeededDemoMirror.ReferenceDate.AddDays(-200), InvoicedTo: SeededDemoMirror.ReferenceDate.AddDays(-30), PageSize: 4),
    };

    [Theory]
    [MemberData(nameof(PersonasAndInvoiceQueries))]
    public async Task InvoiceListSummariesAgreeFieldForFieldOnEveryPage(string persona, string query)
    {
        var scope = Persona(persona);
        var differences = Differences();
        await ComparePagesAsync(differences, $"invoices, {persona}, {query}", InvoiceQueries[query], (q, token) => q with { ContinuationToken = token },
            q => Sqlite<IInvoiceStore>().ListAsync(scope, q, Ct), q => Dataverse<IInvoiceStore>().ListAsync(scope, q, Ct), i => i.InvoiceNumber);
        differences.AssertNone();
    }

    // Whole invoices with their lines, for every persona; a foreign invoice is null on both sides.
    [Fact]
    public async Task InvoicesWithAllTheirLinesAgreeFieldForField()
    {
        var differences = Differences();
        var found = 0;
        foreach (var (persona, scope) in Personas())
        {
            foreach (var invoiceNumber in SampleInvoices(scope))
            {
                var fromSqlite = await Sqlite<IInvoiceStore>().FindAsync(scope, invoiceNumber, Ct);
                differences.Compare($"invoice {invoiceNumber} for the {persona}", fromSqlite, await Dataverse<IInvoiceStore>().FindAsync(scope, invoiceNumber, Ct));
                found += fromSqlite is { Lines.Count: > 0 } ? 1 : 0;
            }
        }

        Assert.True(found > 0, "No invoice with lines was read.");
        differences.AssertNone();
    }

    [Fact]
    public async Task InvoicesOfAnOrderAndInvoicedTotalsAgreeFieldForField()
    {
        var differences = Differences();
        foreach (var (persona, scope) in Personas())
        {
            using (var db = _mirror.OpenMirror())
            {
                // Read with the order (the order page's links); another account's order is null on both sides.
                var invoicedOrders = await db.Invoices.AsNoTracking().Select(i => i.SalesOrder!.OrderNumber).Distinct().OrderBy(n => n).Take(40).ToListAsync(Ct);
                foreach (var orderNumber in invoicedOrders)
                {
                    var fromSqlite = await Sqlite<ISalesOrderStore>().FindAsync(scope, orderNumber, Ct);
                    var fromDataverse = await Dataverse<ISalesOrderStore>().FindAsync(scope, orderNumber, Ct);
                    Assert.Equal(fromSqlite is null, fromDataverse is null);
                    differences.CompareList($"invoices of order {orderNumber} for the {persona}", fromSqlite?.Invoices ?? [], fromDataverse?.Invoices ?? [], i => i.InvoiceNumber);
                }
            }

            differences.CompareList($"invoiced totals for the {persona}",
                await Sqlite<IInvoiceStore>().InvoicedTotalsAsync(scope, 2025, Ct), await Dataverse<IInvoiceStore>().InvoicedTotalsAsync(scope, 2025, Ct),
                t => $"{t.Year} {t.Currency.IsoCode}");
        }

        differences.AssertNone();
    }

    // The scoping of invoices is the orders': the authorized user sees exactly the invoices of their own orders.
    [Fact]
    public async Task An_authorized_user_sees_the_invoices_of_their_own_orders_and_no_others()
    {
        foreach (var (persona, scope) in new[] { ("representative", _mirror.Representative), ("authorized user", _mirror.AuthorizedUser) })
        {
            var ownOrders = _mirror.OrdersVisibleTo(scope).Select(o => o.SalesOrderId).ToHashSet();
            List<string> expected;
            using (var db = _mirror.OpenMirror())
            {
                expected = [.. db.Invoices.AsNoTracking().Select(i => new { i.SalesOrderId, i.InvoiceNumber }).AsEnumerable()
                    .Where(i => ownOrders.Contains(i.SalesOrderId)).Select(i => i.InvoiceNumber).Order(StringComparer.Ordinal)];
            }

            Assert.True(expected.Count > 0, $"The {persona} has no invoices in the seed.");
            foreach (var store in new[] { Sqlite<IInvoiceStore>(), Dataverse<IInvoiceStore>() })
            {
                var listed = new List<string>();
                string? token = null;
                do
                {
                    var page = await store.ListAsync(scope, new InvoiceQuery(Sort: InvoiceSort.NumberAscending, PageSize: 100, ContinuationToken: token), Ct);
                    listed.AddRange(page.Items.Select(i => i.InvoiceNumber));
                    token = page.ContinuationToken;
                }
                while (token is not null);

                Assert.Equal(expected, listed);
            }
        }
    }

    [Fact]
    public async Task SpendPerMonthAgreesFieldForField()
    {
        var differences = Differences();
        foreach (var (persona, scope) in Personas())
        {
            differences.CompareList($"spend per month for the {persona}",
                await Sqlite<ISalesOrderStore>().SpendByMonthAsync(scope, new DateOnly(2025, 11, 1), Ct),
                await Dataverse<ISalesOrderStore>().SpendByMonthAsync(scope, new DateOnly(2025, 11, 1), Ct),
                s => $"{s.Year}-{s.Month} {s.Currency.IsoCode}");
        }

        differences.AssertNone();
    }

    [Theory]
    [MemberData(nameof(PersonasAndOrderQueries))]
    public async Task OrderListSummariesAgreeFieldForFieldOnEveryPage(string persona, string query)
    {
        var scope = Persona(persona);
        var differences = Differences();
        await ComparePagesAsync(differences, $"{persona}, {query}", OrderQuery(query), (q, token) => q with { ContinuationToken = token },
            q => Sqlite<ISalesOrderStore>().ListAsync(scope, q, Ct), q => Dataverse<ISalesOrderStore>().ListAsync(scope, q, Ct), o => o.OrderNumber);
        differences.AssertNone();
    }

    [Fact]
    public async Task OrdersWithAllTheirLinesAgreeFieldForField()
    {
        var differences = Differences();
        foreach (var (persona, scope) in Personas())
        {
            foreach (var orderNumber in SampleOrders(scope))
            {
                differences.Compare($"order {orderNumber} for the {persona}",
                    await Sqlite<ISalesOrderStore>().FindAsync(scope, orderNumber, Ct),
                    await Dataverse<ISalesOrderStore>().FindAsync(scope, orderNumber, Ct));
            }
        }

        differences.AssertNone();
    }

    // Write-in lines have no product to expand: description, unit and amounts must still come through alike.
    [Fact]
    public async Task OrdersWithWriteInLinesAgreeFieldForField()
    {
        var differences = Differences();
        var writeIns = 0;
        foreach (var (persona, scope) in Personas())
        {
            foreach (var orderNumber in OrdersWithWriteInLines(scope))
            {
                var fromSqlite = await Sqlite<ISalesOrderStore>().FindAsync(scope, orderNumber, Ct);
                differences.Compare($"order {orderNumber} for the {persona}", fromSqlite, await Dataverse<ISalesOrderStore>().FindAsync(scope, orderNumber, Ct));
                writeIns += fromSqlite?.Lines.Count(l => l.IsWriteIn && !string.IsNullOrEmpty(l.WriteInDescription) && l.Unit.Length > 0) ?? 0;
            }
        }

        Assert.True(writeIns > 0, "No write-in line with its description and unit was read.");
        differences.AssertNone();
    }

    [Fact]
    public async Task CustomerAccountsAndTheirContactsAgreeFieldForField()
    {
        var differences = Differences();
        foreach (var (persona, scope) in Personas())
        {
            differences.Compare($"account of the {persona}",
                await Sqlite<ICustomerAccountStore>().GetAsync(scope, Ct), await Dataverse<ICustomerAccountStore>().GetAsync(scope, Ct));
            differences.CompareList($"account contacts for the {persona}",
                await Sqlite<ICustomerAccountStore>().ListContactsAsync(scope, Ct), await Dataverse<ICustomerAccountStore>().ListContactsAsync(scope, Ct),
                c => c.FullName);
        }

        differences.AssertNone();
    }

    [Theory]
    [InlineData("representative", null)]
    [InlineData("other customer", null)]
    [InlineData("representative", "a")]
    [InlineData("no price list", null)]
    public async Task CatalogueProductsWithPricesAgreeFieldForFieldOnEveryPage(string persona, string? search)
    {
        var scope = Persona(persona);
        var differences = Differences();
        await ComparePagesAsync(differences, $"products for the {persona}, search {search ?? "none"}", new ProductQuery(Search: search, PageSize: 60),
            (q, token) => q with { ContinuationToken = token },
            q => Sqlite<IProductCatalog>().SearchAsync(scope, q, Ct), q => Dataverse<IProductCatalog>().SearchAsync(scope, q, Ct), p => p.ItemNumber);
        differences.AssertNone();
    }

    [Fact]
    public async Task ContactAdministrationAgreesFieldForFieldOnEveryContact()
    {
        var differences = Differences();
        List<Guid> everyContact;
        using (var db = _mirror.OpenMirror())
        {
            // Inactive contacts too: "not found" has to agree as well.
            everyContact = await db.Contacts.AsNoTracking().OrderBy(c => c.ContactId).Select(c => c.ContactId).ToListAsync(Ct);
        }

        var administration = (Sqlite: Sqlite<IContactAdministration>(), Dataverse: Dataverse<IContactAdministration>());
        foreach (var id in everyContact)
        {
            differences.Compare($"FindAsync({id})", await administration.Sqlite.FindAsync(id, Ct), await administration.Dataverse.FindAsync(id, Ct));
            differences.Compare($"FindCandidateAsync({id})",
                await administration.Sqlite.FindCandidateAsync(id, Ct), await administration.Dataverse.FindCandidateAsync(id, Ct));
        }

        // A dictionary has no order; compared as lists sorted by contact id.
        var manyFromSqlite = await administration.Sqlite.FindManyAsync([.. everyContact, Guid.NewGuid()], Ct);
        var manyFromDataverse = await administration.Dataverse.FindManyAsync([.. everyContact, Guid.NewGuid()], Ct);
        differences.CompareList("FindManyAsync(every contact)",
            [.. manyFromSqlite.OrderBy(p => p.Key).Select(p => p.Value)], [.. manyFromDataverse.OrderBy(p => p.Key).Select(p => p.Value)],
            c => $"{c.FullName} {c.ContactId}");

        foreach (var text in new[] { "a", "son", "contoso", "US-0001", "FABRIKAM", "@", "no such contact" })
        {
            var fromSqlite = await administration.Sqlite.SearchAsync(text, 100, Ct);
            differences.CompareList($"SearchAsync(\"{text}\")", fromSqlite, await administration.Dataverse.SearchAsync(text, 100, Ct),
                c => $"{c.FullName} {c.ContactId}");
            // The account number is matched through the contact's account: make sure that path is exercised, not two empty answers.
            Assert.True(text != "US-0001" || fromSqlite.Count > 0, "Searching by the representative's account number found nobody.");
        }

        differences.AssertNone();
    }

    [Fact]
    public async Task ContactDirectoryAgreesFieldForFieldForEachPersona()
    {
        var differences = Differences();
        foreach (var (persona, scope) in Personas())
        {
            differences.CompareList($"colleagues of the {persona}",
                await Sqlite<IContactDirectory>().ListColleaguesAsync(scope, Ct), await Dataverse<IContactDirectory>().ListColleaguesAsync(scope, Ct),
                c => $"{c.FullName} {c.ContactId}");
            differences.Compare($"own details of the {persona}",
                await Sqlite<IContactDirectory>().GetOwnDetailsAsync(scope, Ct), await Dataverse<IContactDirectory>().GetOwnDetailsAsync(scope, Ct));
        }

        differences.AssertNone();
    }

    [Fact]
    public async Task OrderingDefaultsAndProductLookUpsAgreeFieldForField()
    {
        var differences = Differences();
        var (itemNumbers, productIds) = LookUpSample();
        foreach (var (persona, scope) in Personas())
        {
            differences.Compare($"ordering defaults of the {persona}",
                await Sqlite<IOrderEntry>().GetDefaultsAsync(scope, Ct), await Dataverse<IOrderEntry>().GetDefaultsAsync(scope, Ct));
            differences.CompareList($"look-up for the {persona}",
                await Sqlite<IOrderEntry>().LookUpAsync(scope, itemNumbers, productIds, Ct),
                await Dataverse<IOrderEntry>().LookUpAsync(scope, itemNumbers, productIds, Ct),
                p => p.ItemNumber);
        }

        differences.AssertNone();
    }

    public void Dispose()
    {
        _sqlite.Dispose();
        _dataverse.Dispose();
        _sqliteServices.Dispose();
        _dataverseServices.Dispose();
    }

    private SalesOrderQuery OrderQuery(string name)
    {
        if (name != "ninety days")
        {
            return OrderQueries[name];
        }

        var from = DateOnly.FromDateTime(_mirror.OrdersVisibleTo(_mirror.Representative).Min(o => o.CreatedOn)).AddDays(100);
        return OrderQueries[name] with { OrderedFrom = from, OrderedTo = from.AddDays(90) };
    }

    // Pages both sources to the end side by side. Tokens are each adapter's own (a keyset, a next link),
    // so they are not compared; the pages they cut must be the same, record for record.
    private static async Task ComparePagesAsync<TQuery, TItem>(RecordDifferences differences, string list, TQuery query,
        Func<TQuery, string, TQuery> withToken, Func<TQuery, Task<ResultPage<TItem>>> sqlite, Func<TQuery, Task<ResultPage<TItem>>> dataverse,
        Func<TItem, string> name)
    {
        var (sqliteQuery, dataverseQuery) = (query, query);
        for (var page = 1; ; page++)
        {
            Assert.True(page < 1000, "Paging never ends.");
            var fromSqlite = await sqlite(sqliteQuery);
            var fromDataverse = await dataverse(dataverseQuery);
            differences.CompareList($"{list}, page {page}", fromSqlite.Items, fromDataverse.Items, name);
            differences.Compare($"{list}, page {page}: has more", fromSqlite.HasMore, fromDataverse.HasMore);
            if (fromSqlite.ContinuationToken is not { } sqliteToken || fromDataverse.ContinuationToken is not { } dataverseToken)
            {
                return;
            }

            (sqliteQuery, dataverseQuery) = (withToken(sqliteQuery, sqliteToken), withToken(dataverseQuery, dataverseToken));
        }
    }

    private static RecordDifferences Differences() => new("SQLite", "Dataverse");

    private T Sqlite<T>() where T : notnull => _sqlite.ServiceProvider.GetRequiredService<T>();

    private T Dataverse<T>() where T : notnull => _dataverse.ServiceProvider.GetRequiredService<T>();

    // The seed's personas, plus two carelessly set-up contacts whose defaults list what is missing.
    private IEnumerable<(string Name, CustomerScope Scope)> Personas() =>
        new[] { "representative", "authorized user", "other customer", "no price list", "no company" }.Select(p => (p, Persona(p)));

    private CustomerScope Persona(string name)
    {
        using var db = _mirror.OpenMirror();
        return name switch
        {
            "representative" => _mirror.Representative,
            "authorized user" => _mirror.AuthorizedUser,
            "other customer" => _mirror.OtherCustomer,
            "no price list" => db.Contacts.AsNoTracking().Where(c => c.PriceListId == null && c.CompanyId != null && c.AccountId != null)
                .OrderBy(c => c.ContactId).AsEnumerable()
                .Select(c => new CustomerScope(c.ContactId, c.AccountId!.Value, c.CompanyId!.Value, null, CustomerRole.CustomerRepresentative)).First(),
            "no company" => db.Contacts.AsNoTracking().Where(c => c.CompanyId == null && c.AccountId != null).OrderBy(c => c.ContactId)
                .Select(c => new { c.ContactId, c.AccountId, c.Account!.CompanyId, c.PriceListId }).AsEnumerable()
                .Select(c => new CustomerScope(c.ContactId, c.AccountId!.Value, c.CompanyId, c.PriceListId, CustomerRole.AuthorizedUser)).First(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown persona."),
        };
    }

    // The scope's order with the most lines, its newest and oldest, and every 25th in between; plus one
    // order of another customer, which both sources must refuse to find (null on both sides).
    private List<string> SampleOrders(CustomerScope scope)
    {
        using var db = _mirror.OpenMirror();
        var visible = _mirror.OrdersVisibleTo(scope).OrderBy(o => o.CreatedOn).ThenBy(o => o.OrderNumber, StringComparer.Ordinal).ToList();
        var visibleIds = visible.Select(o => o.SalesOrderId).ToHashSet();
        var largest = db.SalesOrderLines.AsNoTracking().GroupBy(l => l.SalesOrderId)
            .Select(g => new { g.Key, Lines = g.Count() }).AsEnumerable()
            .Where(g => visibleIds.Contains(g.Key)).OrderByDescending(g => g.Lines).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault();
        var foreign = db.SalesOrders.AsNoTracking().Where(o => o.CustomerId != scope.AccountId).OrderBy(o => o.OrderNumber).Select(o => o.OrderNumber).First();
        return
        [
            .. visible.Where(o => o.SalesOrderId == largest).Select(o => o.OrderNumber),
            .. visible.Where((_, i) => i % 25 == 0 || i == visible.Count - 1).Select(o => o.OrderNumber),
            foreign,
        ];
    }

    // An authorized user sees only the invoices of their own orders (the rule reads the order's contact person):
    // a colleague's invoice is not found on either adapter, and the representative finds it.
    [Fact]
    public async Task AColleaguesInvoiceIsNotFoundForAnAuthorizedUserButIsForTheRepresentative()
    {
        var (representative, authorizedUser) = (_mirror.Representative, _mirror.AuthorizedUser);
        var own = _mirror.OrdersVisibleTo(authorizedUser).Select(o => o.SalesOrderId).ToHashSet();
        using var db = _mirror.OpenMirror();
        var colleagues = db.Invoices.AsNoTracking()
            .Where(i => i.CustomerId == representative.AccountId && i.CompanyId == representative.CompanyId)
            .Select(i => new { i.SalesOrderId, i.InvoiceNumber }).AsEnumerable()
            .First(i => !own.Contains(i.SalesOrderId)).InvoiceNumber;

        foreach (var invoices in new[] { Sqlite<IInvoiceStore>(), Dataverse<IInvoiceStore>() })
        {
            Assert.Null(await invoices.FindAsync(authorizedUser, colleagues, Ct));
            Assert.NotNull(await invoices.FindAsync(representative, colleagues, Ct));
        }
    }

    // Every 7th of the scope's invoices, plus one of another customer (null on both sides).
    private List<string> SampleInvoices(CustomerScope scope)
    {
        var visible = _mirror.OrdersVisibleTo(scope).Select(o => o.SalesOrderId).ToHashSet();
        using var db = _mirror.OpenMirror();
        var invoices = db.Invoices.AsNoTracking().Select(i => new { i.SalesOrderId, i.CustomerId, i.InvoiceNumber }).AsEnumerable()
            .OrderBy(i => i.InvoiceNumber, StringComparer.Ordinal).ToList();
        return
        [
            .. invoices.Where(i => visible.Contains(i.SalesOrderId)).Where((_, n) => n % 7 == 0).Select(i => i.InvoiceNumber),
            .. invoices.Where(i => i.CustomerId != scope.AccountId).Take(1).Select(i => i.InvoiceNumber),
        ];
    }

    private List<string> OrdersWithWriteInLines(CustomerScope scope)
    {
        using var db = _mirror.OpenMirror();
        var withWriteIn = db.SalesOrderLines.AsNoTracking().Where(l => l.IsProductOverridden).Select(l => l.SalesOrderId).ToHashSet();
        return [.. _mirror.OrdersVisibleTo(scope).Where(o => withWriteIn.Contains(o.SalesOrderId)).Select(o => o.OrderNumber).Order(StringComparer.Ordinal)];
    }

    // Every product's item number and a few ids: priced, unpriced, retired and draft products, an item
    // number in lower case and one that does not exist.
    private (List<string> ItemNumbers, List<Guid> ProductIds) LookUpSample()
    {
        using var db = _mirror.OpenMirror();
        var products = db.Products.AsNoTracking().OrderBy(p => p.ScmProductNumber).Select(p => new { p.ProductId, p.ScmProductNumber }).ToList();
        return (
            [.. products.Where((_, i) => i % 2 == 0).Select(p => p.ScmProductNumber), products[1].ScmProductNumber.ToLowerInvariant(), "NO-SUCH-ITEM"],
            [.. products.Where((_, i) => i % 7 == 1).Select(p => p.ProductId), Guid.NewGuid()]);
    }
}
