using System.Text.Json;
using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.Core.Products;
using CustomerPortal.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Tests.DataSource;

public sealed class SqliteDataSourceTests : DataSourceContract, IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;

    public SqliteDataSourceTests(SeededDemoMirror mirror) : base(mirror)
    {
        _services = new ServiceCollection().AddSqliteMirror(mirror.MirrorPath).BuildServiceProvider();
        _scope = _services.CreateScope();
    }

    protected override ISalesOrderStore Orders => _scope.ServiceProvider.GetRequiredService<ISalesOrderStore>();

    protected override ICustomerAccountStore Accounts => _scope.ServiceProvider.GetRequiredService<ICustomerAccountStore>();

    protected override IProductCatalog Products => _scope.ServiceProvider.GetRequiredService<IProductCatalog>();

    protected override IContactDirectory Contacts => _scope.ServiceProvider.GetRequiredService<IContactDirectory>();

    protected override IContactAdministration ContactAdministration => _scope.ServiceProvider.GetRequiredService<IContactAdministration>();

    protected override IOrderEntry Ordering => _scope.ServiceProvider.GetRequiredService<IOrderEntry>();

    protected override ICustomerRows CustomerRows => _scope.ServiceProvider.GetRequiredService<ICustomerRows>();

    protected override WritableDataSource OpenWritableCopy() => SqliteWritableDataSource.CopyOf(Mirror.MirrorPath);

    // The newest-first list, with or without a search, is one compiled statement (SqliteSalesOrderStore.NewestFirst);
    // every other list is built for its query. Page by page, it must list what the mirror holds: the scope's orders,
    // newest first, the order number breaking ties, a search matching the number or the requisition. "Ordered up to
    // the last representable day" filters nothing but takes the built path: the two must agree field for field.
    [Theory]
    [InlineData(false, null)]
    [InlineData(false, "9")]
    [InlineData(false, "-00")]
    [InlineData(true, null)]
    [InlineData(true, "0")]
    public async Task TheNewestFirstListPagesThroughTheScopesOrdersNewestFirst(bool authorizedUser, string? search)
    {
        var scope = authorizedUser ? Mirror.AuthorizedUser : Mirror.Representative;
        var expected = Mirror.OrdersVisibleTo(scope)
            .Where(o => search is null || o.OrderNumber.Contains(search, StringComparison.OrdinalIgnoreCase)
                || o.RequisitionNumber?.Contains(search, StringComparison.OrdinalIgnoreCase) == true)
            .OrderByDescending(o => o.CreatedOn).ThenByDescending(o => o.OrderNumber, StringComparer.Ordinal)
            .Select(o => o.OrderNumber).ToList();
        var query = new SalesOrderQuery(Search: search, PageSize: 10);

        var listed = await ListAll(scope, query);

        Assert.True(expected.Count > 10, "The case needs more than one page.");
        Assert.Equal(expected, listed.Select(o => o.OrderNumber));
        Assert.Equal(await ListAll(scope, query with { OrderedTo = DateOnly.MaxValue }), listed);
    }

    // The seed never places two of an account's orders in the same instant; an import or a busy day can. Then the
    // order number decides, also where a page ends inside the tie.
    [Fact]
    public async Task OrdersPlacedInTheSameInstantPageByNumberAcrossThePageBreak()
    {
        var scope = Mirror.Representative;
        var orders = Mirror.OrdersVisibleTo(scope);
        var tied = orders.OrderByDescending(o => o.CreatedOn).ThenByDescending(o => o.OrderNumber, StringComparer.Ordinal).Take(15).ToList();
        var instant = tied[^1].CreatedOn;
        using var copy = OpenWritableCopy();
        using (var connection = new SqliteConnection($"Data Source={copy.MirrorPath};Pooling=False"))
        {
            connection.Open();
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE salesorder SET createdon = (SELECT createdon FROM salesorder WHERE msdyn_salesordernumber = $last) "
                + "WHERE msdyn_salesordernumber IN (SELECT value FROM json_each($numbers))";
            update.Parameters.AddWithValue("$last", tied[^1].OrderNumber);
            update.Parameters.AddWithValue("$numbers", JsonSerializer.Serialize(tied.Select(o => o.OrderNumber)));
            Assert.Equal(tied.Count, update.ExecuteNonQuery());
        }

        var tiedNumbers = tied.Select(o => o.OrderNumber).ToHashSet();
        var expected = orders
            .OrderByDescending(o => tiedNumbers.Contains(o.OrderNumber) ? instant : o.CreatedOn).ThenByDescending(o => o.OrderNumber, StringComparer.Ordinal)
            .Select(o => o.OrderNumber).Take(30).ToList();
        var listed = new List<string>();
        string? token = null;
        for (var page = 0; page < 3; page++)
        {
            var result = await copy.Orders.ListAsync(scope, new SalesOrderQuery(PageSize: 10, ContinuationToken: token), TestContext.Current.CancellationToken);
            listed.AddRange(result.Items.Select(o => o.OrderNumber));
            token = result.ContinuationToken;
        }

        Assert.Equal(expected, listed);
    }

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
    }
}
