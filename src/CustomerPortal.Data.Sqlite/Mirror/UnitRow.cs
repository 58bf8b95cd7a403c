using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.Data.Sqlite.Mirror;

[Table("uom")]
internal sealed class UnitRow
{
    [Column("uomid")] public Guid UnitId { get; set; }
    [Column("name")] public string Name { get; set; } = "";
    // The Supply Chain Management unit symbol dual-write maps units by.
    [Column("msdyn_symbol")] public string Symbol { get; set; } = "";
}
