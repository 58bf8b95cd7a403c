using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.Data.Sqlite.Mirror;

[Table("cdm_company")]
internal sealed class CompanyRow
{
    [Column("cdm_companyid")] public Guid CompanyId { get; set; }
    [Column("cdm_companycode")] public string Code { get; set; } = "";
    [Column("cdm_name")] public string Name { get; set; } = "";
}
