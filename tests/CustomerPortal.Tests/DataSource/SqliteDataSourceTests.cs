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

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
    }
}
