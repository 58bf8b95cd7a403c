using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.DualWrite;

[Table("cdm_company")]
[EntitySet("cdm_companies")]
public sealed class CompanyRow
{
    [Key] [Column("cdm_companyid")] public Guid CompanyId { get; set; }
    [AlternateKey, MaxLength(4)] [Column("cdm_companycode")] public string Code { get; set; } = "";
    [PrimaryName] [Column("cdm_name")] public string Name { get; set; } = "";
}
