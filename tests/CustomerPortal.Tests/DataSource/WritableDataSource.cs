using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;

namespace CustomerPortal.Tests.DataSource;

// A data source over a private copy of the seeded data. Fork() opens a second, independent data
// source (its own connections and write gate, as another portal process would have) over the same copy.
public abstract class WritableDataSource : IDisposable
{
    public abstract ISalesOrderStore Orders { get; }

    public abstract IOrderEntry Ordering { get; }

    public abstract WritableDataSource Fork();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
