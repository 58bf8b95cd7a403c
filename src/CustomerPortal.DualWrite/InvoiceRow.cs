using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace CustomerPortal.DualWrite;

// invoice, as the one-way map "Sales invoice headers V2" fills it from Supply Chain Management: only
// invoices of sales orders (its source filter leaves free-text invoices out), so salesorderid is always set.
// The map carries no contact person, so an authorized user's invoices are those of orders where the user is
// the contact person: the rule reads msdyn_contactperson through salesorderid (server-side on both sources)
// rather than copying it into a column Supply Chain Management would never fill.
[Table("invoice")]
[EntitySet("invoices")]
[CustomerOwned("customerid", "msdyn_company", ContactPersonColumn = "msdyn_contactperson", ContactPersonThrough = "salesorderid")]
[CompoundAlternateKey("msdyn_company", "msdyn_invoicenumber")]
public sealed class InvoiceRow
{
    [Key] [Column("invoiceid")] public Guid InvoiceId { get; set; }
    [PrimaryName, MaxLength(300)] [Column("name")] public string Name { get; set; } = "";
    // Supply Chain Management's invoice number, unique per legal entity: what customers quote.
    [MaxLength(20)] [Column("msdyn_invoicenumber")] public string InvoiceNumber { get; set; } = "";
    [Column("msdyn_invoicedate")] public DateOnly InvoiceDate { get; set; }
    [Lookup(typeof(CompanyRow), "msdyn_company", Navigation = nameof(Company))] [Column("msdyn_company")] public Guid CompanyId { get; set; }
    [Lookup(typeof(AccountRow), "customerid_account", TypeColumn = "customeridtype", Navigation = nameof(Customer))] [Column("customerid")] public Guid CustomerId { get; set; }
    [Column("customeridtype")] public string CustomerIdType { get; set; } = "account";
    [Lookup(typeof(SalesOrderRow), "salesorderid", Navigation = nameof(SalesOrder))] [Column("salesorderid")] public Guid SalesOrderId { get; set; }
    [Lookup(typeof(CurrencyRow), "transactioncurrencyid", Navigation = nameof(Currency))] [Column("transactioncurrencyid")] public Guid CurrencyId { get; set; }
    // The terms of payment's name (e.g. "Net30"), as text: the map carries no due date.
    [MaxLength(100)] [Column("msdyn_paymentterms")] public string? PaymentTerms { get; set; }
    // The customer's order reference, as the map fills it.
    [Column("description")] public string? Description { get; set; }
    [MaxLength(200)] [Column("billto_name")] public string? BillToName { get; set; }
    [MaxLength(250)] [Column("billto_line1")] public string? BillToLine1 { get; set; }
    [MaxLength(250)] [Column("billto_line2")] public string? BillToLine2 { get; set; }
    [MaxLength(80)] [Column("billto_city")] public string? BillToCity { get; set; }
    [MaxLength(50)] [Column("billto_stateorprovince")] public string? BillToStateOrProvince { get; set; }
    [MaxLength(20)] [Column("billto_postalcode")] public string? BillToPostalCode { get; set; }
    [MaxLength(80)] [Column("billto_country")] public string? BillToCountry { get; set; }
    [Column("totaldiscountamount")] public decimal DiscountAmount { get; set; }
    [Column("freightamount")] public decimal FreightAmount { get; set; }
    [Column("totaltax")] public decimal TaxAmount { get; set; }
    [Column("totalamount")] public decimal TotalAmount { get; set; }

    public AccountRow? Customer { get; set; }
    public CompanyRow? Company { get; set; }
    public CurrencyRow? Currency { get; set; }
    public SalesOrderRow? SalesOrder { get; set; }
    [OneToMany("invoice_details")] public List<InvoiceLineRow> Lines { get; set; } = [];
}
