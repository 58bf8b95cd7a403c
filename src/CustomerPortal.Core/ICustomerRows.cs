using System.Linq.Expressions;

namespace CustomerPortal.Core;

// Read-only lists of any customer-owned dual-write table, for pages that need no rules of their own:
// a new table and its list page need no new port. TRow is a row class of CustomerPortal.DualWrite
// marked [CustomerOwned]; the scope is applied exactly as for sales orders (account and legal entity,
// and the contact person for authorized users where the table has one).
public interface ICustomerRows
{
    Task<IReadOnlyList<TRecord>> ListAsync<TRow, TRecord>(CustomerScope scope, CustomerRowQuery<TRow, TRecord> query, CancellationToken cancellationToken)
        where TRow : class;
}

// Which record to make of each row (Select), in which order, how many. OrderBy names one column of the row.
public sealed record CustomerRowQuery<TRow, TRecord>(
    Expression<Func<TRow, TRecord>> Select,
    Expression<Func<TRow, object?>> OrderBy,
    bool Descending = true,
    int Count = PageSize.Default);
