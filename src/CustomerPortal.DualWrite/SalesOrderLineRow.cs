using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using CustomerPortal.Core.Orders;

namespace CustomerPortal.DualWrite;

// salesorderdetail: one order line.
[Table("salesorderdetail")]
[EntitySet("salesorderdetails")]
public sealed class SalesOrderLineRow
{
    [Key] [Column("salesorderdetailid")] public Guid SalesOrderLineId { get; set; }
    [Lookup(typeof(SalesOrderRow), "salesorderid", Navigation = nameof(SalesOrder))] [Column("salesorderid")] public Guid SalesOrderId { get; set; }
    [PrimaryName, MaxLength(500)] [Column("salesorderdetailname")] public string Name { get; set; } = "";
    [Lookup(typeof(CompanyRow), "msdyn_company")] [Column("msdyn_company")] public Guid CompanyId { get; set; }
    // Empty on a write-in line: isproductoverridden is set and productdescription names what was sold.
    [Lookup(typeof(ProductRow), "productid", Navigation = nameof(Product))] [Column("productid")] public Guid? ProductId { get; set; }
    [Lookup(typeof(UnitRow), "uomid", Navigation = nameof(Unit))] [Column("uomid")] public Guid UnitId { get; set; }
    [Column("description")] public string? Description { get; set; }
    [Column("isproductoverridden")] public bool IsProductOverridden { get; set; }
    [MaxLength(500)] [Column("productdescription")] public string? ProductDescription { get; set; }
    [DataverseType(ColumnType.DecimalNumber)] [Column("quantity")] public decimal Quantity { get; set; }
    [Column("priceperunit")] public decimal PricePerUnit { get; set; }
    [Column("ispriceoverridden")] public bool IsPriceOverridden { get; set; } = true;
    [Column("baseamount")] public decimal BaseAmount { get; set; }
    [Column("manualdiscountamount")] public decimal DiscountAmount { get; set; }
    [Column("tax")] public decimal Tax { get; set; }
    [Column("extendedamount")] public decimal ExtendedAmount { get; set; }
    [Lookup(typeof(CurrencyRow), "transactioncurrencyid")] [Column("transactioncurrencyid")] public Guid CurrencyId { get; set; }
    [Column("sequencenumber")] public int SequenceNumber { get; set; }
    [Column("lineitemnumber")] public int LineItemNumber { get; set; }
    [Column("msdyn_linestatus")] public OrderLineStatus LineStatus { get; set; } = OrderLineStatus.None;
    [Column("msdyn_requestedreceiptdate")] public DateOnly? RequestedReceiptDate { get; set; }
    [Column("msdyn_confirmedreceiptdate")] public DateOnly? ConfirmedReceiptDate { get; set; }
    [Column("msdyn_confirmedshippingdate")] public DateOnly? ConfirmedShippingDate { get; set; }
    // Delivered so far (packing slips posted), on backorder, and cancelled: Supply Chain Management → Dataverse.
    [DataverseType(ColumnType.DecimalNumber)] [Column("quantityshipped")] public decimal QuantityShipped { get; set; }
    [DataverseType(ColumnType.DecimalNumber)] [Column("quantitybackordered")] public decimal QuantityBackordered { get; set; }
    [DataverseType(ColumnType.DecimalNumber)] [Column("quantitycancelled")] public decimal QuantityCancelled { get; set; }
    [Column("shipto_country")] public string? ShipToCountry { get; set; }
    [MaxLength(60)] [Column("msdyn_deliveryaddressdescription")] public string? DeliveryAddressDescription { get; set; }

    public SalesOrderRow? SalesOrder { get; set; }
    public ProductRow? Product { get; set; }
    public UnitRow? Unit { get; set; }
}
