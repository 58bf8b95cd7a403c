using System.Globalization;
using System.Text.Json;
using CustomerPortal.Core.Orders;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Data.Dataverse;

// The change feed over the Web API: ONE query per poll over every changed order,
//   salesorders?$select=<the columns below>&$filter=modifiedon gt T or (modifiedon eq T and salesorderid gt ID)
//   &$orderby=modifiedon asc,salesorderid asc
// with Prefer: odata.maxpagesize=PageSize, following @odata.nextLink. A poll costs one request when fewer
// than PageSize orders changed, and never more than MaxPages requests (the README's request budget):
// whatever is left is read by the next poll from the new mark.
internal sealed class DataverseOrderChangeFeed(DataverseWebApi api) : IOrderChangeFeed
{
    public const int PageSize = 500;
    public const int MaxPages = 10;

    private static readonly DualWriteTable Table = DualWriteSchema.Table<SalesOrderRow>();
    private static readonly DualWriteColumn Id = Column(nameof(SalesOrderRow.SalesOrderId));
    private static readonly DualWriteColumn Number = Column(nameof(SalesOrderRow.OrderNumber));
    private static readonly DualWriteColumn Account = Column(nameof(SalesOrderRow.CustomerId));
    private static readonly DualWriteColumn Company = Column(nameof(SalesOrderRow.CompanyId));
    private static readonly DualWriteColumn ContactPerson = Column(nameof(SalesOrderRow.ContactPersonId));
    private static readonly DualWriteColumn Status = Column(nameof(SalesOrderRow.ProcessingStatus));
    private static readonly DualWriteColumn Confirmed = Column(nameof(SalesOrderRow.ConfirmedReceiptDate));
    private static readonly DualWriteColumn Requested = Column(nameof(SalesOrderRow.RequestedReceiptDate));
    private static readonly DualWriteColumn Modified = Column(nameof(SalesOrderRow.ModifiedOn));

    public async Task<IReadOnlyList<ChangedOrder>> ReadChangesSinceAsync(OrderChangeMark? since, int maxOrders, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOrders, 1);
        var filter = since is { } mark
            ? $"{Modified.WebApiName} gt {ODataText.DateTime(mark.ModifiedOn)} or ({Modified.WebApiName} eq {ODataText.DateTime(mark.ModifiedOn)} and {Id.WebApiName} gt {ODataText.Guid(mark.SalesOrderId)})"
            : null;
        string? next = ODataText.Query(Table.EntitySetName,
            ("$select", string.Join(",", new[] { Id, Number, Account, Company, ContactPerson, Status, Confirmed, Requested, Modified }.Select(c => c.WebApiName))),
            ("$filter", filter),
            ("$orderby", $"{Modified.WebApiName} asc,{Id.WebApiName} asc"));

        var orders = new List<ChangedOrder>();
        for (var pages = 0; next is not null && pages < MaxPages && orders.Count < maxOrders; pages++)
        {
            using var page = await api.GetAsync(next, Math.Min(PageSize, maxOrders), cancellationToken);
            orders.AddRange(page.RootElement.Rows().Select(Read));
            next = DataverseWebApi.NextLink(page.RootElement);
        }

        // A page may go past maxOrders; the rows are in mark order, so cutting anywhere is safe.
        return orders.Count > maxOrders ? orders[..maxOrders] : orders;
    }

    private static ChangedOrder Read(JsonElement row)
    {
        try
        {
            return new ChangedOrder(
                row.GetProperty(Id.WebApiName).GetGuid(),
                row.GetProperty(Number.WebApiName).GetString() ?? "",
                row.GetProperty(Account.WebApiName).GetGuid(),
                row.GetProperty(Company.WebApiName).GetGuid(),
                GuidOrNull(row, ContactPerson),
                (ProcessingStatus)row.GetProperty(Status.WebApiName).GetInt32(),
                DateOrNull(row, Confirmed),
                DateOrNull(row, Requested),
                row.GetProperty(Modified.WebApiName).GetDateTimeOffset().UtcDateTime);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new DataverseSchemaException($"A {Table.LogicalName} row of the change feed lacks a column or has one of another type: {ex.Message}", ex);
        }
    }

    private static Guid? GuidOrNull(JsonElement row, DualWriteColumn column) =>
        row.TryGetProperty(column.WebApiName, out var value) && value.ValueKind == JsonValueKind.String ? value.GetGuid() : null;

    private static DateOnly? DateOrNull(JsonElement row, DualWriteColumn column) =>
        row.TryGetProperty(column.WebApiName, out var value) && value.ValueKind == JsonValueKind.String
            ? DateOnly.ParseExact(value.GetString()![..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    private static DualWriteColumn Column(string property) => Table.Columns.Single(c => c.Property.Name == property);
}
