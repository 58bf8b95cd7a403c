namespace CustomerPortal.Core;

// cdm_company: a Supply Chain Management legal entity (cdm_companycode is the DataAreaId, e.g. USMF).
public sealed record LegalEntity(Guid CompanyId, string Code, string Name);
