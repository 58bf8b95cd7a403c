using CustomerPortal.Core.Orders;

namespace CustomerPortal.Core.Ordering;

// A sales order exactly as the portal writes it: every column dual-write needs to create it in Supply
// Chain Management, decided once by OrderEntry. Data sources map it to their columns and add only
// the order number, which they allocate atomically with the insert.
public sealed record PlacedSalesOrder(
    Guid SalesOrderId,
    Guid CompanyId,
    Guid CustomerAccountId,
    Guid InvoiceAccountId,
    Guid ContactPersonId,
    Guid PriceListId,
    Guid CurrencyId,
    OrderLanguage Language,
    DateOnly RequestedReceiptDate,
    PostalAddress DeliveryAddress,
    string DeliveryAddressDescription,
    string? RequisitionNumber,
    string? CustomerReference,
    IReadOnlyList<PlacedSalesOrderLine> Lines)
{
    public decimal TotalAmount => Lines.Sum(l => l.Amount);

    // What dual-write expects on an order created outside Supply Chain Management.
    public SalesOrderType OrderType { get; init; } = OrderingRules.NewOrderType;
    public ProcessingStatus ProcessingStatus { get; init; } = OrderingRules.NewOrderProcessingStatus;
    public (SalesOrderState State, SalesOrderStatusReason Reason) Status { get; init; } = OrderingRules.NewOrderStatus;
}

// LineNumber counts from 1 and is both the line's sequence number and its line item number.
public sealed record PlacedSalesOrderLine(
    Guid SalesOrderLineId,
    int LineNumber,
    Guid ProductId,
    string ProductName,
    Guid UnitId,
    decimal Quantity,
    decimal UnitPrice,
    decimal Amount);
