using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.Data.Sqlite.Mirror;

// productpricelevel: the price of one product, in one unit, on one price list.
[Table("productpricelevel")]
internal sealed class PriceListItemRow
{
    [Column("productpricelevelid")] public Guid PriceListItemId { get; set; }
    [Column("pricelevelid")] public Guid PriceListId { get; set; }
    [Column("productid")] public Guid ProductId { get; set; }
    [Column("uomid")] public Guid UnitId { get; set; }
    [Column("amount")] public decimal Amount { get; set; }
    [Column("transactioncurrencyid")] public Guid CurrencyId { get; set; }

    public PriceListRow? PriceList { get; set; }
    public ProductRow? Product { get; set; }
}
