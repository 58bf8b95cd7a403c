using System.ComponentModel.DataAnnotations.Schema;
using CustomerPortal.Core.Products;

namespace CustomerPortal.Data.Sqlite.Mirror;

// product, as the "CDS released distinct products" map fills it. Products are not company-striped.
[Table("product")]
internal sealed class ProductRow
{
    [Column("productid")] public Guid ProductId { get; set; }
    [Column("name")] public string Name { get; set; } = "";
    [Column("productnumber")] public string ProductNumber { get; set; } = "";
    [Column("msdyn_productnumber")] public string ScmProductNumber { get; set; } = "";
    [Column("msdyn_itemnumber")] public string ItemNumber { get; set; } = "";
    [Column("description")] public string? Description { get; set; }
    [Column("defaultuomid")] public Guid DefaultUnitId { get; set; }
    [Column("price")] public decimal ListPrice { get; set; }
    [Column("currentcost")] public decimal CurrentCost { get; set; }
    [Column("transactioncurrencyid")] public Guid CurrencyId { get; set; }
    [Column("pricelevelid")] public Guid? DefaultPriceListId { get; set; }
    [Column("quantitydecimal")] public int QuantityDecimals { get; set; }
    [Column("producttypecode")] public int ProductTypeCode { get; set; }
    [Column("productstructure")] public int ProductStructure { get; set; }
    [Column("msdyn_isstockedproduct")] public bool IsStocked { get; set; }
    [Column("statecode")] public ProductState State { get; set; }
    [Column("statuscode")] public int StatusCode { get; set; }

    public UnitRow? DefaultUnit { get; set; }
}
