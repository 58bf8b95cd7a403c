using CustomerPortal.Core.Invoices;

namespace CustomerPortal.Core.Orders;

// A sales order header with its lines and its invoices (oldest first, those the scope may see), as the order
// details page shows it: one read, which in Dataverse mode is one Web API request.
public sealed record SalesOrder(
    Guid SalesOrderId,
    string OrderNumber,
    string? RequisitionNumber,
    string? CustomerReference,
    DateTime OrderedOn,
    DateOnly? RequestedReceiptDate,
    DateOnly? ConfirmedReceiptDate,
    DateOnly? ConfirmedShippingDate,
    ProcessingStatus Status,
    SalesOrderState State,
    string CustomerAccountNumber,
    string CustomerName,
    LegalEntity Company,
    string? ContactPersonName,
    string? DeliveryAddressDescription,
    PostalAddress DeliveryAddress,
    Currency Currency,
    decimal LineTotal,
    decimal DiscountAmount,
    decimal FreightAmount,
    decimal TaxAmount,
    decimal TotalAmount,
    IReadOnlyList<SalesOrderLine> Lines,
    DateOnly? RequestedShippingDate,
    string? DeliveryMode,
    DateTime ModifiedOn,
    IReadOnlyList<InvoiceSummary> Invoices)
{
    public DateOnly? ExpectedReceiptDate => ConfirmedReceiptDate ?? RequestedReceiptDate;

    public bool IsLateOn(DateOnly today) => DeliveryRules.IsLate(Status, ExpectedReceiptDate, today);
}
