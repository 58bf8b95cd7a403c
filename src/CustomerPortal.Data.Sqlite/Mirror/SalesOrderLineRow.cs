using System.ComponentModel.DataAnnotations.Schema;
using CustomerPortal.Core.Orders;

namespace CustomerPortal.Data.Sqlite.Mirror;

// salesorderdetail: one order line.
[Table("salesorderdetail")]
internal sealed class SalesOrderLineRow
{
    [Column("salesorderdetailid")] public Guid SalesOrderLineId { get; set; }
    [Column("salesorderid")] public Guid SalesOrderId { get; set; }
    [Column("salesorderdetailname")] public string Name { get; set; } = "";
    [Column("msdyn_company")] public Guid CompanyId { get; set; }
    [Column("productid")] public Guid ProductId { get; set; }
    [Column("uomid")] public Guid UnitId { get; set; }
    [Column("description")] public string? Description { get; set; }
    [Column("isproductoverridden")] public bool IsProductOverridden { get; set; }
    [Column("quantity")] public decimal Quantity { get; set; }
    [Column("priceperunit")] public decimal PricePerUnit { get; set; }
    [Column("ispriceoverridden")] public bool IsPriceOverridden { get; set; } = true;
    [Column("baseamount")] public decimal BaseAmount { get; set; }
    [Column("manualdiscountamount")] public decimal DiscountAmount { get; set; }
    [Column("tax")] public decimal Tax { get; set; }
    [Column("extendedamount")] public decimal ExtendedAmount { get; set; }
    [Column("transactioncurrencyid")] public Guid CurrencyId { get; set; }
    [Column("sequencenumber")] public int SequenceNumber { get; set; }
    [Column("lineitemnumber")] public int LineItemNumber { get; set; }
    [Column("msdyn_linestatus")] public OrderLineStatus LineStatus { get; set; } = OrderLineStatus.None;
    [Column("msdyn_requestedreceiptdate")] public DateOnly? RequestedReceiptDate { get; set; }
    [Column("shipto_country")] public string? ShipToCountry { get; set; }
    [Column("msdyn_deliveryaddressdescription")] public string? DeliveryAddressDescription { get; set; }

    public SalesOrderRow? SalesOrder { get; set; }
    public ProductRow? Product { get; set; }
    public UnitRow? Unit { get; set; }
}
