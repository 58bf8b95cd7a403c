using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using CustomerPortal.Core.Products;

namespace CustomerPortal.DualWrite;

// product, as the "CDS released distinct products" map fills it. Products are not company-striped.
[Table("product")]
[EntitySet("products")]
public sealed class ProductRow
{
    [Key] [Column("productid")] public Guid ProductId { get; set; }
    [PrimaryName, MaxLength(100)] [Column("name")] public string Name { get; set; } = "";
    [MaxLength(100)] [Column("productnumber")] public string ProductNumber { get; set; } = "";
    [AlternateKey] [Column("msdyn_productnumber")] public string ScmProductNumber { get; set; } = "";
    [Column("msdyn_itemnumber")] public string ItemNumber { get; set; } = "";
    [Column("description")] public string? Description { get; set; }
    [Lookup(typeof(UnitRow), "defaultuomid", Navigation = nameof(DefaultUnit))] [Column("defaultuomid")] public Guid DefaultUnitId { get; set; }
    [Column("price")] public decimal ListPrice { get; set; }
    [Column("currentcost")] public decimal CurrentCost { get; set; }
    [Lookup(typeof(CurrencyRow), "transactioncurrencyid")] [Column("transactioncurrencyid")] public Guid CurrencyId { get; set; }
    [Lookup(typeof(PriceListRow), "pricelevelid")] [Column("pricelevelid")] public Guid? DefaultPriceListId { get; set; }
    [Column("quantitydecimal")] public int QuantityDecimals { get; set; }
    [Column("producttypecode")] public int ProductTypeCode { get; set; }
    [Column("productstructure")] public int ProductStructure { get; set; }
    [Column("msdyn_isstockedproduct")] public bool IsStocked { get; set; }
    [Column("statecode")] public ProductState State { get; set; }
    [Column("statuscode")] public int StatusCode { get; set; }

    public UnitRow? DefaultUnit { get; set; }
}
