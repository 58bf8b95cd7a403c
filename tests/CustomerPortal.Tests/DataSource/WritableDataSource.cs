using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.Data.Sqlite.Mirror;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Tests.DataSource;

// A data source over a private copy of the seeded data. Fork() opens a second, independent data
// source (its own connections and write gate, as another portal process would have) over the same copy.
public abstract class WritableDataSource : IDisposable
{
    public abstract ISalesOrderStore Orders { get; }

    public abstract IOrderEntry Ordering { get; }

    public abstract WritableDataSource Fork();

    // A submit in a page request of its own, as the portal makes concurrent submits: each request has
    // its own scope (and so its own database context), only the process is shared.
    public async Task<SubmitResult> SubmitInOwnRequestAsync(CustomerScope scope, NewSalesOrder order, CancellationToken cancellationToken)
    {
        using var request = Services.CreateScope();
        return await request.ServiceProvider.GetRequiredService<IOrderEntry>().SubmitAsync(scope, order, cancellationToken);
    }

    protected abstract IServiceProvider Services { get; }

    // The mirror file the writes land in (through the emulator, in Dataverse mode): to read back a
    // column the port does not return.
    public abstract string MirrorPath { get; }

    internal MirrorDbContext OpenMirror() => new(new DbContextOptionsBuilder<MirrorDbContext>().UseSqlite($"Data Source={MirrorPath}").Options);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
