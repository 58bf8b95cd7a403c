using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.DualWrite;

// msdyn_shipvia: the modes of delivery of Supply Chain Management, per legal entity (Truck, Parcel, ...).
// salesorder.msdyn_deliverymode points here. msdyn_name is the table's primary name (the mode's code in
// Supply Chain Management); msdyn_description and msdyn_company are the dual-write map's columns as we
// understand them (not confirmed in /work/shared/reference, see the README).
[Table("msdyn_shipvia")]
[EntitySet("msdyn_shipvias")]
public sealed class ShipViaRow
{
    [Key] [Column("msdyn_shipviaid")] public Guid ShipViaId { get; set; }
    [PrimaryName, MaxLength(100)] [Column("msdyn_name")] public string Name { get; set; } = "";
    [MaxLength(100)] [Column("msdyn_description")] public string? Description { get; set; }
    [Lookup(typeof(CompanyRow), "msdyn_company")] [Column("msdyn_company")] public Guid? CompanyId { get; set; }
}
