using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using CustomerPortal.Core.Accounts;

namespace CustomerPortal.DualWrite;

// account, as "Customers V3 (accounts)" fills it: accountnumber is the SCM customer account.
[Table("account")]
[EntitySet("accounts")]
[CompoundAlternateKey("msdyn_company", "accountnumber")]
public sealed class AccountRow
{
    [Key] [Column("accountid")] public Guid AccountId { get; set; }
    [PrimaryName, MaxLength(160)] [Column("name")] public string Name { get; set; } = "";
    [MaxLength(20)] [Column("accountnumber")] public string AccountNumber { get; set; } = "";
    [Lookup(typeof(CompanyRow), "msdyn_company", Navigation = nameof(Company))] [Column("msdyn_company")] public Guid CompanyId { get; set; }
    [Column("customertypecode")] public int CustomerTypeCode { get; set; } = 3;
    [Column("address1_line1")] public string? Line1 { get; set; }
    [Column("address1_line2")] public string? Line2 { get; set; }
    [Column("address1_city")] public string? City { get; set; }
    [Column("address1_stateorprovince")] public string? StateOrProvince { get; set; }
    [Column("address1_postalcode")] public string? PostalCode { get; set; }
    [Column("address1_country")] public string? Country { get; set; }
    [Column("telephone1")] public string? Phone { get; set; }
    [Column("emailaddress1")] public string? Email { get; set; }
    [Lookup(typeof(CurrencyRow), "transactioncurrencyid", Navigation = nameof(Currency))] [Column("transactioncurrencyid")] public Guid CurrencyId { get; set; }
    [Lookup(typeof(PriceListRow), "defaultpricelevelid", Navigation = nameof(PriceList))] [Column("defaultpricelevelid")] public Guid? PriceListId { get; set; }
    [Column("creditlimit")] public decimal? CreditLimit { get; set; }
    [Column("msdyn_creditlimitismandatory")] public bool CreditLimitIsMandatory { get; set; }
    [Column("msdyn_onholdstatus")] public OnHoldStatus OnHoldStatus { get; set; } = OnHoldStatus.No;
    [Column("statecode")] public int StateCode { get; set; }

    public CompanyRow? Company { get; set; }
    public CurrencyRow? Currency { get; set; }
    public PriceListRow? PriceList { get; set; }
}
