using CustomerPortal.Core;
using CustomerPortal.Core.Orders;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Tests.DataSource;

// ICustomerRows, the generic read of a customer-owned table: the same ownership rule as the order list,
// the same records on both sources. Sales orders are the customer-owned table the seed fills.
public abstract partial class DataSourceContract
{
    private static CustomerRowQuery<SalesOrderRow, SalesOrderSummary> NewestOrders(int count) =>
        new(Records.SalesOrderSummary, o => o.CreatedOn, Descending: true, Count: count);

    [Fact]
    public async Task CustomerRowsListTheScopesNewestOrdersLikeTheOrderList()
    {
        var newest = Mirror.OrdersVisibleTo(Mirror.Representative).Select(o => o.CreatedOn).OrderDescending().Take(10);

        var rows = await CustomerRows.ListAsync(Mirror.Representative, NewestOrders(10), TestContext.Current.CancellationToken);
        var page = await Orders.ListAsync(Mirror.Representative, new SalesOrderQuery(PageSize: 10), TestContext.Current.CancellationToken);

        Assert.Equal(newest, rows.Select(o => o.OrderedOn));
        Assert.Equal(10, rows.Select(o => o.OrderNumber).Distinct().Count());
        // The same record as the order list's, field by field (the list breaks date ties by number, so compare by number).
        var listed = page.Items.ToDictionary(o => o.OrderNumber);
        Assert.All(rows.Where(r => listed.ContainsKey(r.OrderNumber)), r => Assert.Equal(listed[r.OrderNumber], r));
        Assert.True(rows.Count(r => listed.ContainsKey(r.OrderNumber)) >= 8, "Both lists should mostly hold the same newest orders.");
    }

    [Fact]
    public async Task CustomerRowsGiveAnAuthorizedUserOnlyTheirOwnOrdersAndAnotherCustomerNone()
    {
        var own = Mirror.OrdersVisibleTo(Mirror.AuthorizedUser).Select(o => o.OrderNumber).ToHashSet();
        var representatives = Mirror.OrdersVisibleTo(Mirror.Representative).Select(o => o.OrderNumber).ToHashSet();

        var rows = await CustomerRows.ListAsync(Mirror.AuthorizedUser, NewestOrders(100), TestContext.Current.CancellationToken);
        var other = await CustomerRows.ListAsync(Mirror.OtherCustomer, NewestOrders(100), TestContext.Current.CancellationToken);

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(r.OrderNumber, own));
        Assert.Equal(Math.Min(own.Count, 100), rows.Count);
        Assert.NotEmpty(other);
        Assert.DoesNotContain(other, r => representatives.Contains(r.OrderNumber));
    }

    [Fact]
    public async Task CustomerRowsOrderAscendingWhenAsked()
    {
        var rows = await CustomerRows.ListAsync(Mirror.Representative,
            new CustomerRowQuery<SalesOrderRow, SalesOrderSummary>(Records.SalesOrderSummary, o => o.OrderNumber, Descending: false, Count: 25),
            TestContext.Current.CancellationToken);

        Assert.Equal(25, rows.Count);
        Assert.Equal(rows.Select(r => r.OrderNumber).Order(StringComparer.Ordinal), rows.Select(r => r.OrderNumber));
        Assert.Equal(Mirror.OrdersVisibleTo(Mirror.Representative).Select(o => o.OrderNumber).Order(StringComparer.Ordinal).First(), rows[0].OrderNumber);
    }
}
