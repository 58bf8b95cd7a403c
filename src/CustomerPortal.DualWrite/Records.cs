using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Core.Invoices;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.Core.Products;

namespace CustomerPortal.DualWrite;

// How dual-write rows read as the portal's records, written once for both data sources. The SQLite
// adapter hands these expressions to EF Core, which turns them into the SELECT list; the Dataverse
// adapter runs them compiled on the rows it read (with lookups expanded). So a field added to a
// record is filled by one line here, on both sources alike. Null checks are explicit because EF
// propagates nulls on its own and compiled code does not.
public static class Records
{
    private static readonly ConditionalWeakTable<LambdaExpression, Delegate> CompiledForms = [];

    // The compiled form of an expression, for rows already in memory (the Dataverse adapter); each is compiled once.
    public static Func<TRow, TRecord> Compiled<TRow, TRecord>(Expression<Func<TRow, TRecord>> expression) =>
        (Func<TRow, TRecord>)CompiledForms.GetValue(expression, e => e.Compile());

    public static readonly Expression<Func<CurrencyRow, Currency>> Currency =
        c => new Currency(c.IsoCode, c.Symbol, c.Precision);

    public static readonly Expression<Func<CompanyRow, LegalEntity>> LegalEntity =
        c => new LegalEntity(c.CompanyId, c.Code, c.Name);

    // One row of the order list. Needs Currency and ContactPerson.
    public static readonly Expression<Func<SalesOrderRow, SalesOrderSummary>> SalesOrderSummary = o => new SalesOrderSummary(
        o.SalesOrderId,
        o.OrderNumber,
        o.RequisitionNumber,
        o.CreatedOn,
        o.RequestedReceiptDate,
        o.ProcessingStatus,
        o.TotalAmount,
        new Currency(o.Currency!.IsoCode, o.Currency.Symbol, o.Currency.Precision),
        o.ContactPerson != null ? o.ContactPerson.FullName : null,
        o.ConfirmedReceiptDate);

    // An order line. Needs Product and Unit; a write-in line has no product.
    public static readonly Expression<Func<SalesOrderLineRow, SalesOrderLine>> SalesOrderLine = l => new SalesOrderLine(
        l.SalesOrderLineId,
        l.SequenceNumber,
        l.Product != null ? l.Product.ScmProductNumber : "",
        l.Product != null ? l.Product.Name : "",
        l.Quantity,
        l.Unit != null ? l.Unit.Symbol : "",
        l.Product != null ? l.Product.QuantityDecimals : 0,
        l.PricePerUnit,
        l.DiscountAmount,
        l.ExtendedAmount,
        l.LineStatus,
        l.RequestedReceiptDate,
        l.IsProductOverridden,
        l.ProductDescription,
        l.ConfirmedReceiptDate,
        l.ConfirmedShippingDate,
        l.QuantityShipped,
        l.QuantityBackordered,
        l.QuantityCancelled);

    // The order details page, header without lines and invoices (they follow through SalesOrderLine and
    // InvoiceSummary). Needs
    // Customer, Company, ContactPerson, Currency and DeliveryMode (null when the order has no mode of delivery).
    public static readonly Expression<Func<SalesOrderRow, SalesOrder>> SalesOrderHeader = o => new SalesOrder(
        o.SalesOrderId,
        o.OrderNumber,
        o.RequisitionNumber,
        o.CustomerReference,
        o.CreatedOn,
        o.RequestedReceiptDate,
        o.ConfirmedReceiptDate,
        o.ConfirmedShippingDate,
        o.ProcessingStatus,
        o.State,
        o.Customer!.AccountNumber,
        o.Customer.Name,
        new LegalEntity(o.Company!.CompanyId, o.Company.Code, o.Company.Name),
        o.ContactPerson != null ? o.ContactPerson.FullName : null,
        o.DeliveryAddressDescription,
        new PostalAddress(o.ShipToLine1, o.ShipToLine2, o.ShipToCity, o.ShipToStateOrProvince, o.ShipToPostalCode, o.ShipToCountry),
        new Currency(o.Currency!.IsoCode, o.Currency.Symbol, o.Currency.Precision),
        o.LineTotal,
        o.DiscountAmount,
        o.FreightAmount,
        o.TaxAmount,
        o.TotalAmount,
        Array.Empty<SalesOrderLine>(),
        o.RequestedShippingDate,
        o.DeliveryMode != null ? o.DeliveryMode.Description ?? o.DeliveryMode.Name : null,
        o.ModifiedOn,
        Array.Empty<InvoiceSummary>());

    // One row of the invoice list. Needs SalesOrder and Currency.
    public static readonly Expression<Func<InvoiceRow, InvoiceSummary>> InvoiceSummary = i => new InvoiceSummary(
        i.InvoiceId,
        i.InvoiceNumber,
        i.InvoiceDate,
        i.SalesOrderId,
        i.SalesOrder!.OrderNumber,
        i.Description,
        i.TotalAmount,
        new Currency(i.Currency!.IsoCode, i.Currency.Symbol, i.Currency.Precision));

    // An invoice line. Needs Product and Unit; a line of a write-in order line has no product.
    public static readonly Expression<Func<InvoiceLineRow, InvoiceLine>> InvoiceLine = l => new InvoiceLine(
        l.InvoiceLineId,
        l.SequenceNumber,
        l.Product != null ? l.Product.ScmProductNumber : "",
        l.Product != null ? l.Product.Name : "",
        l.Description,
        l.Quantity,
        l.Unit != null ? l.Unit.Symbol : "",
        l.Product != null ? l.Product.QuantityDecimals : 0,
        l.PricePerUnit,
        l.DiscountAmount,
        l.Tax,
        l.ExtendedAmount);

    // The invoice page, header without lines (they follow through InvoiceLine). Needs Customer, Company,
    // Currency and SalesOrder.
    public static readonly Expression<Func<InvoiceRow, Invoice>> InvoiceHeader = i => new Invoice(
        i.InvoiceId,
        i.InvoiceNumber,
        i.InvoiceDate,
        i.SalesOrderId,
        i.SalesOrder!.OrderNumber,
        i.Description,
        i.Customer!.AccountNumber,
        i.Customer.Name,
        new LegalEntity(i.Company!.CompanyId, i.Company.Code, i.Company.Name),
        i.BillToName,
        new PostalAddress(i.BillToLine1, i.BillToLine2, i.BillToCity, i.BillToStateOrProvince, i.BillToPostalCode, i.BillToCountry),
        i.PaymentTerms,
        new Currency(i.Currency!.IsoCode, i.Currency.Symbol, i.Currency.Precision),
        i.DiscountAmount,
        i.FreightAmount,
        i.TaxAmount,
        i.TotalAmount,
        Array.Empty<InvoiceLine>());

    // The customer account page. Needs Company, Currency and PriceList.
    public static readonly Expression<Func<AccountRow, CustomerAccount>> CustomerAccount = a => new CustomerAccount(
        a.AccountId,
        a.AccountNumber,
        a.Name,
        new LegalEntity(a.Company!.CompanyId, a.Company.Code, a.Company.Name),
        new PostalAddress(a.Line1, a.Line2, a.City, a.StateOrProvince, a.PostalCode, a.Country),
        a.Phone,
        a.Email,
        new Currency(a.Currency!.IsoCode, a.Currency.Symbol, a.Currency.Precision),
        a.CreditLimit,
        a.CreditLimitIsMandatory,
        a.OnHoldStatus,
        a.PriceList != null ? a.PriceList.Name : null);

    public static readonly Expression<Func<ContactRow, AccountContact>> AccountContact =
        c => new AccountContact(c.ContactId, c.FullName, c.Email, c.Phone, c.JobTitle);

    // A contact as an invitation sees it. Needs Account and Company.
    public static readonly Expression<Func<ContactRow, ContactCandidate>> ContactCandidate = c => new ContactCandidate(
        c.ContactId,
        c.FullName,
        c.Email,
        c.Phone,
        c.JobTitle,
        c.AccountId,
        c.Account != null ? c.Account.AccountNumber : null,
        c.Account != null ? c.Account.Name : null,
        c.Account != null ? (Guid?)c.Account.CompanyId : null,
        c.CompanyId,
        c.Company != null ? c.Company.Code : null,
        c.PriceListId,
        c.CurrencyId,
        c.Country);

    // The contact a portal user is linked to. Needs Account and Company.
    public static readonly Expression<Func<ContactRow, PortalContact>> PortalContact = c => new PortalContact(
        c.ContactId,
        c.FullName,
        c.Email,
        c.AccountId,
        c.Account != null ? c.Account.AccountNumber : null,
        c.Account != null ? c.Account.Name : null,
        c.CompanyId,
        c.Company != null ? c.Company.Code : null,
        c.PriceListId);

    public static readonly Expression<Func<ContactRow, ContactDetails>> ContactDetails = c => new ContactDetails(c.Phone, c.JobTitle);

    // The contact an order is placed for, its links as stored. Needs Account, Company, PriceList and Currency.
    public static readonly Expression<Func<ContactRow, OrderingContact>> OrderingContact = c => new OrderingContact(
        c.FullName,
        c.AccountId,
        c.CompanyId,
        c.Company != null ? new LegalEntity(c.Company.CompanyId, c.Company.Code, c.Company.Name) : null,
        c.Account != null ? new OrderingAccount(c.Account.AccountId, c.Account.AccountNumber, c.Account.Name) : null,
        c.Account != null
            ? new PostalAddress(c.Account.Line1, c.Account.Line2, c.Account.City, c.Account.StateOrProvince, c.Account.PostalCode, c.Account.Country)
            : null,
        c.PriceListId,
        c.PriceList != null ? c.PriceList.Name : null,
        c.CurrencyId,
        c.Currency != null ? new Currency(c.Currency.IsoCode, c.Currency.Symbol, c.Currency.Precision) : null,
        c.Country);

    // Who an existing order belongs to, to tell a retried submit from another customer's order.
    public static readonly Expression<Func<SalesOrderRow, StoredSalesOrder>> StoredSalesOrder =
        o => new StoredSalesOrder(o.OrderNumber, o.CustomerId, o.CompanyId, o.ContactPersonId);

    // The product columns a catalogue row reads (CatalogProduct below), plus the default unit's id its price is
    // looked up by. The SQLite adapter selects just these: preparing and reading the product's every column took
    // about half of the statement's time (issue 16). The row it makes is for CatalogProduct only: every other field
    // is left at its default. A field CatalogProduct reads goes in both; left out here, SQLite shows the default
    // where Dataverse (which reads every column) shows the value, and the contract tests catch it when the seed
    // fills that column.
    public static readonly Expression<Func<ProductRow, ProductRow>> CatalogColumns = p => new ProductRow
    {
        ProductId = p.ProductId,
        ScmProductNumber = p.ScmProductNumber,
        Name = p.Name,
        Description = p.Description,
        QuantityDecimals = p.QuantityDecimals,
        DefaultUnitId = p.DefaultUnitId,
        DefaultUnit = p.DefaultUnit != null ? new UnitRow { Symbol = p.DefaultUnit.Symbol } : null,
    };

    // A catalogue row: the product with its default unit, priced on the scope's price list
    // (no price when the list has none for the product in that unit).
    public static CatalogProduct CatalogProduct(ProductRow product, decimal? price, Currency? currency)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new CatalogProduct(product.ProductId, product.ScmProductNumber, product.Name, product.Description,
            product.DefaultUnit?.Symbol ?? "", product.QuantityDecimals, price, price is null ? null : currency);
    }

    // A product as the order flow looks it up: the catalogue row plus its state and unit id, priced in
    // its default unit (the unit every portal line is ordered in) with the price's own currency.
    public static ListedProduct ListedProduct(ProductRow product, decimal? price, Currency? priceCurrency)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new ListedProduct(product.ProductId, product.ScmProductNumber, product.Name, product.State, product.DefaultUnitId,
            product.DefaultUnit?.Symbol ?? "", product.QuantityDecimals, price, priceCurrency);
    }
}
