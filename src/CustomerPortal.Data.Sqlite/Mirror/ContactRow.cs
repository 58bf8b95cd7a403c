using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.Data.Sqlite.Mirror;

// contact. parentcustomerid links the contact to its customer account (the template's Account scope);
// company, price list, currency and country are what an order needs from the contact.
[Table("contact")]
internal sealed class ContactRow
{
    [Column("contactid")] public Guid ContactId { get; set; }
    [Column("firstname")] public string FirstName { get; set; } = "";
    [Column("lastname")] public string LastName { get; set; } = "";
    [Column("fullname")] public string FullName { get; set; } = "";
    [Column("emailaddress1")] public string? Email { get; set; }
    [Column("telephone1")] public string? Phone { get; set; }
    [Column("jobtitle")] public string? JobTitle { get; set; }
    [Column("parentcustomerid")] public Guid? AccountId { get; set; }
    [Column("parentcustomeridtype")] public string? AccountIdType { get; set; }
    [Column("msdyn_company")] public Guid? CompanyId { get; set; }
    [Column("msdyn_contactpersonid")] public string? ScmContactPersonId { get; set; }
    [Column("defaultpricelevelid")] public Guid? PriceListId { get; set; }
    [Column("transactioncurrencyid")] public Guid? CurrencyId { get; set; }
    [Column("address1_country")] public string? Country { get; set; }
    [Column("statecode")] public int StateCode { get; set; }

    public AccountRow? Account { get; set; }
    public CompanyRow? Company { get; set; }
}
