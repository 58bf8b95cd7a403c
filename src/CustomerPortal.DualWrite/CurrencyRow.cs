using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.DualWrite;

[Table("transactioncurrency")]
[EntitySet("transactioncurrencies")]
public sealed class CurrencyRow
{
    [Key] [Column("transactioncurrencyid")] public Guid CurrencyId { get; set; }
    [AlternateKey, MaxLength(5)] [Column("isocurrencycode")] public string IsoCode { get; set; } = "";
    [PrimaryName, MaxLength(100)] [Column("currencyname")] public string Name { get; set; } = "";
    [Column("currencysymbol")] public string Symbol { get; set; } = "";
    [Column("currencyprecision")] public int Precision { get; set; }
    [DataverseType(ColumnType.DecimalNumber)] [Column("exchangerate")] public decimal ExchangeRate { get; set; }
}
