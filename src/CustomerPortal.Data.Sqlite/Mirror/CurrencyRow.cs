using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.Data.Sqlite.Mirror;

[Table("transactioncurrency")]
internal sealed class CurrencyRow
{
    [Column("transactioncurrencyid")] public Guid CurrencyId { get; set; }
    [Column("isocurrencycode")] public string IsoCode { get; set; } = "";
    [Column("currencyname")] public string Name { get; set; } = "";
    [Column("currencysymbol")] public string Symbol { get; set; } = "";
    [Column("currencyprecision")] public int Precision { get; set; }
    [Column("exchangerate")] public decimal ExchangeRate { get; set; }
}
