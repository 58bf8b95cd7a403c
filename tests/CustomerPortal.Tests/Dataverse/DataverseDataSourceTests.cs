using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.Core.Products;
using CustomerPortal.Testing;
using CustomerPortal.Tests.DataSource;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Tests.Dataverse;

// The port's contract against the Dataverse adapter talking to the emulator over real HTTPS on loopback,
// on the same seeded demo data as SqliteDataSourceTests: identical expected results.
public sealed class DataverseDataSourceTests : DataSourceContract, IClassFixture<EmulatorOverSeededMirror>, IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;

    public DataverseDataSourceTests(SeededDemoMirror mirror, EmulatorOverSeededMirror emulator) : base(mirror)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        _services = emulator.Emulator.CreateAdapter();
        _scope = _services.CreateScope();
    }

    protected override ISalesOrderStore Orders => _scope.ServiceProvider.GetRequiredService<ISalesOrderStore>();

    protected override ICustomerAccountStore Accounts => _scope.ServiceProvider.GetRequiredService<ICustomerAccountStore>();

    protected override IProductCatalog Products => _scope.ServiceProvider.GetRequiredService<IProductCatalog>();

    protected override IContactDirectory Contacts => _scope.ServiceProvider.GetRequiredService<IContactDirectory>();

    protected override IContactAdministration ContactAdministration => _scope.ServiceProvider.GetRequiredService<IContactAdministration>();

    protected override IOrderEntry Ordering => _scope.ServiceProvider.GetRequiredService<IOrderEntry>();

    protected override ICustomerRows CustomerRows => _scope.ServiceProvider.GetRequiredService<ICustomerRows>();

    protected override WritableDataSource OpenWritableCopy() => DataverseWritableDataSource.OverCopyOf(Mirror.MirrorPath);

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
    }
}

// The Dataverse adapter against its own emulator over a private copy of the seeded mirror. Fork() is a
// second adapter (its own token cache, number sequence and connections: another portal process) on the same emulator.
public sealed class DataverseWritableDataSource : WritableDataSource
{
    private readonly SqliteWritableDataSource? _copy;
    private readonly EmulatorProcess? _emulator;
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;

    private DataverseWritableDataSource(SqliteWritableDataSource? copy, EmulatorProcess? emulator, EmulatorProcess target, string mirrorPath)
    {
        (_copy, _emulator) = (copy, emulator);
        Target = target;
        MirrorPath = mirrorPath;
        _services = target.CreateAdapter();
        _scope = _services.CreateScope();
    }

    public EmulatorProcess Target { get; }

    public override string MirrorPath { get; }

    public override ISalesOrderStore Orders => _scope.ServiceProvider.GetRequiredService<ISalesOrderStore>();

    public override IOrderEntry Ordering => _scope.ServiceProvider.GetRequiredService<IOrderEntry>();

    protected override IServiceProvider Services => _services;

    public static DataverseWritableDataSource OverCopyOf(string seededMirrorPath)
    {
        var copy = SqliteWritableDataSource.CopyOf(seededMirrorPath);
        var emulator = new EmulatorProcess(copy.MirrorPath);
        return new DataverseWritableDataSource(copy, emulator, emulator, copy.MirrorPath);
    }

    public override WritableDataSource Fork() => new DataverseWritableDataSource(null, null, Target, MirrorPath);

    protected override void Dispose(bool disposing)
    {
        _scope.Dispose();
        _services.Dispose();
        _emulator?.Dispose();
        _copy?.Dispose();
    }
}

// One emulator over the seeded demo mirror for all read-only conformance tests.
public sealed class EmulatorOverSeededMirror(SeededDemoMirror mirror) : IDisposable
{
    public EmulatorProcess Emulator { get; } = new(mirror.MirrorPath);

    public void Dispose() => Emulator.Dispose();
}
