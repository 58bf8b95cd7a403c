namespace CustomerPortal.Core.Ordering;

// What the customer decided: everything else on the order comes from the scope. SalesOrderId is
// fixed when the draft is created, so every retry of a submit names the same order.
public sealed record NewSalesOrder(
    Guid SalesOrderId,
    DateOnly RequestedReceiptDate,
    PostalAddress DeliveryAddress,
    string? RequisitionNumber,
    string? CustomerReference,
    IReadOnlyList<NewSalesOrderLine> Lines);

// SalesOrderLineId is fixed with the draft line, like the order's id.
public sealed record NewSalesOrderLine(Guid SalesOrderLineId, Guid ProductId, decimal Quantity);
