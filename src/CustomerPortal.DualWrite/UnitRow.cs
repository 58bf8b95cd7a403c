using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.DualWrite;

[Table("uom")]
[EntitySet("uoms")]
public sealed class UnitRow
{
    [Key] [Column("uomid")] public Guid UnitId { get; set; }
    [PrimaryName, MaxLength(100)] [Column("name")] public string Name { get; set; } = "";
    // The Supply Chain Management unit symbol dual-write maps units by.
    [AlternateKey] [Column("msdyn_symbol")] public string Symbol { get; set; } = "";
}
