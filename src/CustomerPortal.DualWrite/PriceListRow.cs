using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.DualWrite;

[Table("pricelevel")]
[EntitySet("pricelevels")]
public sealed class PriceListRow
{
    [Key] [Column("pricelevelid")] public Guid PriceListId { get; set; }
    [PrimaryName, MaxLength(100)] [Column("name")] public string Name { get; set; } = "";
    [Lookup(typeof(CurrencyRow), "transactioncurrencyid", Navigation = nameof(Currency))] [Column("transactioncurrencyid")] public Guid CurrencyId { get; set; }
    [Column("begindate")] public DateOnly? BeginDate { get; set; }
    [Column("enddate")] public DateOnly? EndDate { get; set; }
    [Column("statecode")] public int StateCode { get; set; }

    public CurrencyRow? Currency { get; set; }
}
