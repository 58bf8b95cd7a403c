using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.Data.Sqlite.Mirror;

[Table("pricelevel")]
internal sealed class PriceListRow
{
    [Column("pricelevelid")] public Guid PriceListId { get; set; }
    [Column("name")] public string Name { get; set; } = "";
    [Column("transactioncurrencyid")] public Guid CurrencyId { get; set; }
    [Column("begindate")] public DateOnly? BeginDate { get; set; }
    [Column("enddate")] public DateOnly? EndDate { get; set; }
    [Column("statecode")] public int StateCode { get; set; }

    public CurrencyRow? Currency { get; set; }
}
