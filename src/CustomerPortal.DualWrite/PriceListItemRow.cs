using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.DualWrite;

// productpricelevel: the price of one product, in one unit, on one price list.
[Table("productpricelevel")]
[EntitySet("productpricelevels")]
public sealed class PriceListItemRow
{
    [Key] [Column("productpricelevelid")] public Guid PriceListItemId { get; set; }
    [Lookup(typeof(PriceListRow), "pricelevelid", Navigation = nameof(PriceList))] [Column("pricelevelid")] public Guid PriceListId { get; set; }
    [Lookup(typeof(ProductRow), "productid", Navigation = nameof(Product))] [Column("productid")] public Guid ProductId { get; set; }
    [Lookup(typeof(UnitRow), "uomid")] [Column("uomid")] public Guid UnitId { get; set; }
    [Column("amount")] public decimal Amount { get; set; }
    [Lookup(typeof(CurrencyRow), "transactioncurrencyid")] [Column("transactioncurrencyid")] public Guid CurrencyId { get; set; }

    public PriceListRow? PriceList { get; set; }
    public ProductRow? Product { get; set; }
}
