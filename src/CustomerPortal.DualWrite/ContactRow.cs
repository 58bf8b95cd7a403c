using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.DualWrite;

// contact. parentcustomerid links the contact to its customer account (the template's Account scope);
// company, price list, currency and country are what an order needs from the contact.
[Table("contact")]
[EntitySet("contacts")]
public sealed class ContactRow
{
    [Key] [Column("contactid")] public Guid ContactId { get; set; }
    [Column("firstname")] public string FirstName { get; set; } = "";
    [Column("lastname")] public string LastName { get; set; } = "";
    [PrimaryName] [Column("fullname")] public string FullName { get; set; } = "";
    [Column("emailaddress1")] public string? Email { get; set; }
    [Column("telephone1")] public string? Phone { get; set; }
    [Column("jobtitle")] public string? JobTitle { get; set; }
    [Lookup(typeof(AccountRow), "parentcustomerid_account", TypeColumn = "parentcustomeridtype", Navigation = nameof(Account))] [Column("parentcustomerid")] public Guid? AccountId { get; set; }
    [Column("parentcustomeridtype")] public string? AccountIdType { get; set; }
    [Lookup(typeof(CompanyRow), "msdyn_company", Navigation = nameof(Company))] [Column("msdyn_company")] public Guid? CompanyId { get; set; }
    [Column("msdyn_contactpersonid")] public string? ScmContactPersonId { get; set; }
    [Lookup(typeof(PriceListRow), "defaultpricelevelid", Navigation = nameof(PriceList))] [Column("defaultpricelevelid")] public Guid? PriceListId { get; set; }
    [Lookup(typeof(CurrencyRow), "transactioncurrencyid", Navigation = nameof(Currency))] [Column("transactioncurrencyid")] public Guid? CurrencyId { get; set; }
    [Column("address1_country")] public string? Country { get; set; }
    [Column("statecode")] public int StateCode { get; set; }

    public AccountRow? Account { get; set; }
    public CompanyRow? Company { get; set; }
    public PriceListRow? PriceList { get; set; }
    public CurrencyRow? Currency { get; set; }
}
