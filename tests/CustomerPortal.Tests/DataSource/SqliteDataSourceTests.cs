using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.Core.Products;
using CustomerPortal.Data.Sqlite;
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
    // every other list is built for its query. "Ordered up to the last representable day" filters nothing but takes the
    // built path, so the two must list the same orders, field for field, on every page.
    [Theory]
    [InlineData(false, null)]
    [InlineData(false, "9")]
    [InlineData(false, "-00")]
    [InlineData(true, null)]
    [InlineData(true, "0")]
    public async Task TheCompiledNewestFirstListListsWhatTheBuiltListDoes(bool authorizedUser, string? search)
    {
        var scope = authorizedUser ? Mirror.AuthorizedUser : Mirror.Representative;
        var compiled = new SalesOrderQuery(Search: search, PageSize: 7);

        var listed = await ListAll(scope, compiled);

        Assert.NotEmpty(listed);
        Assert.Equal(await ListAll(scope, compiled with { OrderedTo = DateOnly.MaxValue }), listed);
    }

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
    }
}
