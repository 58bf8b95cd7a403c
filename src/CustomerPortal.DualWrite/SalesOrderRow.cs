using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using CustomerPortal.Core.Orders;

namespace CustomerPortal.DualWrite;

// salesorder, with the columns the dual-write sales order header maps read and write.
[Table("salesorder")]
[EntitySet("salesorders")]
[CustomerOwned("customerid", "msdyn_company", ContactPersonColumn = "msdyn_contactperson")]
[CompoundAlternateKey("msdyn_company", "msdyn_salesordernumber")]
public sealed class SalesOrderRow
{
    [Key] [Column("salesorderid")] public Guid SalesOrderId { get; set; }
    [PrimaryName, MaxLength(300)] [Column("name")] public string Name { get; set; } = "";
    [MaxLength(100)] [Column("ordernumber")] public string DataverseOrderNumber { get; set; } = "";
    // The number customers see and quote: shared with Supply Chain Management.
    [MaxLength(20)] [Column("msdyn_salesordernumber")] public string OrderNumber { get; set; } = "";
    [Lookup(typeof(CompanyRow), "msdyn_company", Navigation = nameof(Company))] [Column("msdyn_company")] public Guid CompanyId { get; set; }
    [Lookup(typeof(AccountRow), "customerid_account", TypeColumn = "customeridtype", Navigation = nameof(Customer))] [Column("customerid")] public Guid CustomerId { get; set; }
    [Column("customeridtype")] public string CustomerIdType { get; set; } = "account";
    [Lookup(typeof(AccountRow), "msdyn_invoicecustomerid_account")] [Column("msdyn_invoicecustomerid")] public Guid? InvoiceCustomerId { get; set; }
    [Lookup(typeof(ContactRow), "msdyn_contactperson", Navigation = nameof(ContactPerson))] [Column("msdyn_contactperson")] public Guid? ContactPersonId { get; set; }
    [Lookup(typeof(PriceListRow), "pricelevelid")] [Column("pricelevelid")] public Guid? PriceListId { get; set; }
    [Lookup(typeof(CurrencyRow), "transactioncurrencyid", Navigation = nameof(Currency))] [Column("transactioncurrencyid")] public Guid CurrencyId { get; set; }
    [Column("msdyn_ordertype")] public SalesOrderType OrderType { get; set; } = SalesOrderType.ItemBased;
    [Column("msdyn_isreadytosync")] public bool IsReadyToSync { get; set; } = true;
    [Column("msdyn_language")] public int? Language { get; set; }
    [MaxLength(20)] [Column("msdyn_customerrequisitionnumber")] public string? RequisitionNumber { get; set; }
    [MaxLength(60)] [Column("msdyn_customersorderreference")] public string? CustomerReference { get; set; }
    [Column("msdyn_requestedreceiptdate")] public DateOnly? RequestedReceiptDate { get; set; }
    [Column("requestdeliveryby")] public DateOnly? RequestedShippingDate { get; set; }
    [Column("msdyn_confirmedreceiptdate")] public DateOnly? ConfirmedReceiptDate { get; set; }
    [Column("msdyn_confirmedshippingdate")] public DateOnly? ConfirmedShippingDate { get; set; }
    // Mode of delivery (Truck, Parcel, ...): Supply Chain Management's, per legal entity.
    [Lookup(typeof(ShipViaRow), "msdyn_deliverymode", Navigation = nameof(DeliveryMode))] [Column("msdyn_deliverymode")] public Guid? DeliveryModeId { get; set; }
    [MaxLength(250)] [Column("shipto_line1")] public string? ShipToLine1 { get; set; }
    [MaxLength(250)] [Column("shipto_line2")] public string? ShipToLine2 { get; set; }
    [MaxLength(80)] [Column("shipto_city")] public string? ShipToCity { get; set; }
    [MaxLength(50)] [Column("shipto_stateorprovince")] public string? ShipToStateOrProvince { get; set; }
    [MaxLength(20)] [Column("shipto_postalcode")] public string? ShipToPostalCode { get; set; }
    [MaxLength(80)] [Column("shipto_country")] public string? ShipToCountry { get; set; }
    [MaxLength(60)] [Column("msdyn_deliveryaddressdescription")] public string? DeliveryAddressDescription { get; set; }
    [Column("totallineitemamount")] public decimal LineTotal { get; set; }
    [Column("discountamount")] public decimal DiscountAmount { get; set; }
    [Column("freightamount")] public decimal FreightAmount { get; set; }
    [Column("totaltax")] public decimal TaxAmount { get; set; }
    [Column("totalamountlessfreight")] public decimal TotalAmountLessFreight { get; set; }
    [Column("totalamount")] public decimal TotalAmount { get; set; }
    [Column("statecode")] public SalesOrderState State { get; set; }
    [Column("statuscode")] public SalesOrderStatusReason StatusReason { get; set; }
    [Column("msdyn_processingstatus")] public ProcessingStatus ProcessingStatus { get; set; }
    // The order date customers see. Stored as UTC.
    [Column("createdon")] public DateTime CreatedOn { get; set; }
    [Column("modifiedon")] public DateTime ModifiedOn { get; set; }

    public AccountRow? Customer { get; set; }
    public CompanyRow? Company { get; set; }
    public ContactRow? ContactPerson { get; set; }
    public CurrencyRow? Currency { get; set; }
    public ShipViaRow? DeliveryMode { get; set; }
    [OneToMany("order_details")] public List<SalesOrderLineRow> Lines { get; set; } = [];
    // Dataverse's order_invoices (invoice.salesorderid): the order page reads them with the order.
    [OneToMany("order_invoices", Parental = false)] public List<InvoiceRow> Invoices { get; set; } = [];
}
