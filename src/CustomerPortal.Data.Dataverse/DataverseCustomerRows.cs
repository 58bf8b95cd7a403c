using CustomerPortal.Core;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Data.Dataverse;

// Any customer-owned table in one request: every column, every lookup the row class navigates expanded,
// the ownership rule as $filter on the server, the order and count as $orderby and $top.
internal sealed class DataverseCustomerRows(DataverseWebApi api) : ICustomerRows
{
    public async Task<IReadOnlyList<TRecord>> ListAsync<TRow, TRecord>(CustomerScope scope, CustomerRowQuery<TRow, TRecord> query, CancellationToken cancellationToken)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = DualWriteSchema.Table<TRow>();
        var url = ODataText.Query(table.EntitySetName,
            ("$select", table.Select),
            ("$filter", DataverseRows.OwnerFilter<TRow>(scope)),
            ("$orderby", $"{table.ColumnOf(query.OrderBy).WebApiName} {(query.Descending ? "desc" : "asc")},{table.PrimaryKey.LogicalName}"),
            ("$top", Math.Clamp(query.Count, 1, PageSize.Allowed[^1]).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("$expand", DataverseRows.ExpandAll<TRow>()));
        var select = Records.Compiled(query.Select);
        return [.. (await api.RowsAsync<TRow>(url, cancellationToken)).Select(select)];
    }
}
