using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.DualWrite;

// invoicedetail: one invoice line, as "Sales invoice lines V2" fills it (one way, from Supply Chain Management).
[Table("invoicedetail")]
[EntitySet("invoicedetails")]
public sealed class InvoiceLineRow
{
    [Key] [Column("invoicedetailid")] public Guid InvoiceLineId { get; set; }
    [Lookup(typeof(InvoiceRow), "invoiceid", Navigation = nameof(Invoice))] [Column("invoiceid")] public Guid InvoiceId { get; set; }
    [PrimaryName, MaxLength(500)] [Column("invoicedetailname")] public string Name { get; set; } = "";
    // Empty for a write-in order line: description names what was sold.
    [Lookup(typeof(ProductRow), "productid", Navigation = nameof(Product))] [Column("productid")] public Guid? ProductId { get; set; }
    [Lookup(typeof(UnitRow), "uomid", Navigation = nameof(Unit))] [Column("uomid")] public Guid UnitId { get; set; }
    [Column("description")] public string? Description { get; set; }
    [DataverseType(ColumnType.DecimalNumber)] [Column("quantity")] public decimal Quantity { get; set; }
    [Column("priceperunit")] public decimal PricePerUnit { get; set; }
    [Column("manualdiscountamount")] public decimal DiscountAmount { get; set; }
    [Column("tax")] public decimal Tax { get; set; }
    [Column("extendedamount")] public decimal ExtendedAmount { get; set; }
    // The portal's own order of lines on the invoice (the order line's sequence number).
    [Column("sequencenumber")] public int SequenceNumber { get; set; }
    [Column("msdyn_confirmedshippingdate")] public DateOnly? ConfirmedShippingDate { get; set; }

    public InvoiceRow? Invoice { get; set; }
    public ProductRow? Product { get; set; }
    public UnitRow? Unit { get; set; }
}
