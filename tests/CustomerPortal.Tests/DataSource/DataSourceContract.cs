using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Core.Orders;
using CustomerPortal.Core.Products;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Tests.DataSource;

// The data-source port's contract, written once. Each data source gets a subclass that supplies
// its adapter over the same seeded demo data; every answer must be identical across sources.
public abstract class DataSourceContract(SeededDemoMirror mirror)
{
    protected SeededDemoMirror Mirror { get; } = mirror;

    protected abstract ISalesOrderStore Orders { get; }

    protected abstract ICustomerAccountStore Accounts { get; }

    protected abstract IProductCatalog Products { get; }

    protected abstract IContactDirectory Contacts { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RepresentativeSeesEveryOrderOfTheAccountAndNothingElse()
    {
        var expected = Mirror.OrdersVisibleTo(Mirror.Representative).Select(o => o.OrderNumber).Order().ToList();

        var listed = await ListAll(Mirror.Representative, new SalesOrderQuery(PageSize: 100));

        Assert.True(expected.Count > 100, "The demo representative's account should need several pages.");
        Assert.Equal(expected, listed.Select(o => o.OrderNumber).Order());
    }

    [Fact]
    public async Task AuthorizedUserSeesOnlyOrdersWhereTheyAreTheContactPerson()
    {
        var expected = Mirror.OrdersVisibleTo(Mirror.AuthorizedUser).Select(o => o.OrderNumber).Order().ToList();
        var accountWide = Mirror.OrdersVisibleTo(Mirror.Representative).Count;

        var listed = await ListAll(Mirror.AuthorizedUser, new SalesOrderQuery(PageSize: 100));

        Assert.NotEmpty(expected);
        Assert.True(expected.Count < accountWide);
        Assert.Equal(expected, listed.Select(o => o.OrderNumber).Order());
    }

    [Theory]
    [InlineData(SalesOrderSort.NewestFirst)]
    [InlineData(SalesOrderSort.OldestFirst)]
    [InlineData(SalesOrderSort.NumberAscending)]
    [InlineData(SalesOrderSort.NumberDescending)]
    public async Task PagingToTheEndVisitsEachOrderOnceInSortOrder(SalesOrderSort sort)
    {
        var listed = await ListAll(Mirror.Representative, new SalesOrderQuery(Sort: sort, PageSize: 25));

        Assert.Equal(listed.Count, listed.Select(o => o.OrderNumber).Distinct().Count());
        IEnumerable<SalesOrderSummary> expectedOrder = sort switch
        {
            SalesOrderSort.NewestFirst => listed.OrderByDescending(o => o.OrderedOn).ThenByDescending(o => o.OrderNumber, StringComparer.Ordinal),
            SalesOrderSort.OldestFirst => listed.OrderBy(o => o.OrderedOn).ThenBy(o => o.OrderNumber, StringComparer.Ordinal),
            SalesOrderSort.NumberAscending => listed.OrderBy(o => o.OrderNumber, StringComparer.Ordinal),
            _ => listed.OrderByDescending(o => o.OrderNumber, StringComparer.Ordinal),
        };
        Assert.Equal(expectedOrder.Select(o => o.OrderNumber), listed.Select(o => o.OrderNumber));
        Assert.Equal(Mirror.OrdersVisibleTo(Mirror.Representative).Count, listed.Count);
    }

    [Fact]
    public async Task LastPageHasNoContinuationToken()
    {
        var page = await Orders.ListAsync(Mirror.AuthorizedUser, new SalesOrderQuery(PageSize: 100), Ct);
        while (page.ContinuationToken is { } token)
        {
            page = await Orders.ListAsync(Mirror.AuthorizedUser, new SalesOrderQuery(PageSize: 100, ContinuationToken: token), Ct);
        }

        Assert.Null(page.ContinuationToken);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task ATamperedContinuationTokenStartsAgainFromTheFirstPage()
    {
        var first = await Orders.ListAsync(Mirror.Representative, new SalesOrderQuery(), Ct);

        var tampered = await Orders.ListAsync(Mirror.Representative, new SalesOrderQuery(ContinuationToken: "not-a-token!"), Ct);

        Assert.Equal(first.Items.Select(o => o.OrderNumber), tampered.Items.Select(o => o.OrderNumber));
    }

    [Fact]
    public async Task SearchFindsOrdersByPartOfTheOrderNumber()
    {
        var target = Mirror.OrdersVisibleTo(Mirror.Representative).OrderBy(o => o.OrderNumber).First();
        var part = target.OrderNumber[^5..];

        var found = await ListAll(Mirror.Representative, new SalesOrderQuery(Search: part.ToLowerInvariant()));

        Assert.Contains(found, o => o.OrderNumber == target.OrderNumber);
        Assert.All(found, o => Assert.True(
            o.OrderNumber.Contains(part, StringComparison.OrdinalIgnoreCase)
            || (o.RequisitionNumber ?? "").Contains(part, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task SearchFindsOrdersByRequisitionNumber()
    {
        var target = Mirror.OrdersVisibleTo(Mirror.Representative).First(o => o.RequisitionNumber is not null);

        var found = await ListAll(Mirror.Representative, new SalesOrderQuery(Search: target.RequisitionNumber));

        Assert.Contains(found, o => o.OrderNumber == target.OrderNumber);
    }

    [Fact]
    public async Task SearchNeverReachesAnotherAccountsOrders()
    {
        var foreign = Mirror.OrdersVisibleTo(Mirror.OtherCustomer).First();

        var found = await ListAll(Mirror.Representative, new SalesOrderQuery(Search: foreign.OrderNumber));

        Assert.Empty(found);
    }

    [Fact]
    public async Task StatusFilterReturnsOnlyThatStatus()
    {
        var expected = Mirror.OrdersVisibleTo(Mirror.Representative).Count(o => o.ProcessingStatus == ProcessingStatus.Invoiced);

        var found = await ListAll(Mirror.Representative, new SalesOrderQuery(Status: ProcessingStatus.Invoiced, PageSize: 100));

        Assert.True(expected > 0);
        Assert.Equal(expected, found.Count);
        Assert.All(found, o => Assert.Equal(ProcessingStatus.Invoiced, o.Status));
    }

    [Fact]
    public async Task DateRangeIncludesBothEndDays()
    {
        var orders = Mirror.OrdersVisibleTo(Mirror.Representative);
        var from = DateOnly.FromDateTime(orders.Min(o => o.CreatedOn)).AddDays(30);
        var to = from.AddDays(60);
        var expected = orders.Count(o => DateOnly.FromDateTime(o.CreatedOn) >= from && DateOnly.FromDateTime(o.CreatedOn) <= to);

        var found = await ListAll(Mirror.Representative, new SalesOrderQuery(OrderedFrom: from, OrderedTo: to, PageSize: 100));

        Assert.True(expected > 0);
        Assert.Equal(expected, found.Count);
    }

    [Fact]
    public async Task DateRangeEndingOnTheLastRepresentableDayHasNoUpperBound()
    {
        // A date picker offers 9999-12-31; the day after it cannot be computed, so "to" must not be turned into an exclusive end.
        var orders = Mirror.OrdersVisibleTo(Mirror.Representative);
        var from = DateOnly.FromDateTime(orders.Max(o => o.CreatedOn)).AddDays(-30);
        var expected = orders.Count(o => DateOnly.FromDateTime(o.CreatedOn) >= from);

        var found = await ListAll(Mirror.Representative, new SalesOrderQuery(OrderedFrom: from, OrderedTo: DateOnly.MaxValue, PageSize: 100));

        Assert.True(expected > 0);
        Assert.Equal(expected, found.Count);
    }

    [Fact]
    public async Task OrderDetailsCarryTheLinesAndTotalsOfTheMirror()
    {
        var order = Mirror.OrdersVisibleTo(Mirror.Representative).OrderByDescending(o => o.CreatedOn).First();

        var details = await Orders.FindAsync(Mirror.Representative, order.OrderNumber, Ct);

        Assert.NotNull(details);
        Assert.Equal(order.SalesOrderId, details.SalesOrderId);
        Assert.Equal(order.TotalAmount, details.TotalAmount);
        Assert.NotEmpty(details.Lines);
        Assert.Equal(details.LineTotal, details.Lines.Sum(l => l.LineAmount));
        Assert.Equal(Enumerable.Range(1, details.Lines.Count), details.Lines.Select(l => l.LineNumber));
        Assert.All(details.Lines, l => Assert.False(string.IsNullOrEmpty(l.ItemNumber)));
    }

    [Fact]
    public async Task AnotherAccountsOrderNumberIsNotFound()
    {
        var foreign = Mirror.OrdersVisibleTo(Mirror.OtherCustomer).First();

        Assert.Null(await Orders.FindAsync(Mirror.Representative, foreign.OrderNumber, Ct));
        Assert.NotNull(await Orders.FindAsync(Mirror.OtherCustomer, foreign.OrderNumber, Ct));
    }

    [Fact]
    public async Task AColleaguesOrderIsNotFoundForAnAuthorizedUserButIsForTheRepresentative()
    {
        var colleagues = Mirror.OrdersVisibleTo(Mirror.Representative).First(o => o.ContactPersonId != Mirror.AuthorizedUser.ContactId);

        Assert.Null(await Orders.FindAsync(Mirror.AuthorizedUser, colleagues.OrderNumber, Ct));
        Assert.NotNull(await Orders.FindAsync(Mirror.Representative, colleagues.OrderNumber, Ct));
    }

    [Fact]
    public async Task AScopeWithTheRightAccountButAnotherLegalEntitySeesNothing()
    {
        var wrongCompany = Mirror.Representative with { CompanyId = Mirror.OtherCustomer.CompanyId };

        var page = await Orders.ListAsync(wrongCompany, new SalesOrderQuery(), Ct);

        Assert.Empty(page.Items);
        Assert.Null(await Accounts.GetAsync(wrongCompany, Ct));
    }

    [Fact]
    public async Task AccountIsTheScopesOwnCustomerAccount()
    {
        var account = await Accounts.GetAsync(Mirror.Representative, Ct);

        Assert.NotNull(account);
        Assert.Equal(Mirror.Representative.AccountId, account.AccountId);
        Assert.Equal("US-0001", account.AccountNumber);
        Assert.Equal("USMF", account.Company.Code);
    }

    [Fact]
    public async Task RepresentativeListsEveryActiveContactOfTheAccountButAnAuthorizedUserOnlyThemself()
    {
        using var db = Mirror.OpenMirror();
        var expected = await db.Contacts.CountAsync(c => c.AccountId == Mirror.Representative.AccountId && c.StateCode == 0, Ct);

        var forRepresentative = await Accounts.ListContactsAsync(Mirror.Representative, Ct);
        var forAuthorizedUser = await Accounts.ListContactsAsync(Mirror.AuthorizedUser, Ct);

        Assert.Equal(expected, forRepresentative.Count);
        Assert.Equal([Mirror.AuthorizedUser.ContactId], forAuthorizedUser.Select(c => c.ContactId));
    }

    [Fact]
    public async Task ProductSearchByItemNumberFindsThatProductWithItsPriceListPrice()
    {
        using var db = Mirror.OpenMirror();
        var priced = await db.PriceListItems.AsNoTracking()
            .Where(i => i.PriceListId == Mirror.Representative.PriceListId && i.Product!.State == ProductState.Active)
            .Select(i => new { i.Product!.ScmProductNumber, i.Amount })
            .FirstAsync(Ct);

        var page = await Products.SearchAsync(Mirror.Representative, new ProductQuery(Search: priced.ScmProductNumber), Ct);

        var product = Assert.Single(page.Items, p => p.ItemNumber == priced.ScmProductNumber);
        Assert.Equal(priced.Amount, product.Price);
        Assert.NotNull(product.Currency);
    }

    [Fact]
    public async Task ProductPagingVisitsEveryActiveProductOnceAndHidesRetiredOnes()
    {
        using var db = Mirror.OpenMirror();
        var active = await db.Products.CountAsync(p => p.State == ProductState.Active, Ct);
        var retired = await db.Products.Where(p => p.State != ProductState.Active).Select(p => p.ScmProductNumber).ToListAsync(Ct);

        var seen = new List<CatalogProduct>();
        string? token = null;
        do
        {
            var page = await Products.SearchAsync(Mirror.Representative, new ProductQuery(PageSize: 100, ContinuationToken: token), Ct);
            seen.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(active, seen.Count);
        Assert.Equal(active, seen.Select(p => p.ItemNumber).Distinct().Count());
        Assert.DoesNotContain(seen, p => retired.Contains(p.ItemNumber));
        Assert.Contains(seen, p => p.Price is null);
    }

    [Fact]
    public async Task ContactDirectoryResolvesAPersonaToItsAccountAndLegalEntity()
    {
        var contact = await Contacts.FindAsync(Mirror.AuthorizedUser.ContactId, Ct);

        Assert.NotNull(contact);
        Assert.Equal(Mirror.AuthorizedUser.AccountId, contact.AccountId);
        Assert.Equal(Mirror.AuthorizedUser.CompanyId, contact.CompanyId);
        Assert.Equal("US-0001", contact.AccountNumber);
        Assert.Null(await Contacts.FindAsync(Guid.NewGuid(), Ct));
    }

    private async Task<List<SalesOrderSummary>> ListAll(CustomerScope scope, SalesOrderQuery query)
    {
        var all = new List<SalesOrderSummary>();
        var page = await Orders.ListAsync(scope, query, Ct);
        all.AddRange(page.Items);
        while (page.ContinuationToken is { } token)
        {
            Assert.True(all.Count < 100_000, "Paging never ends.");
            page = await Orders.ListAsync(scope, query with { ContinuationToken = token }, Ct);
            all.AddRange(page.Items);
        }

        return all;
    }
}
