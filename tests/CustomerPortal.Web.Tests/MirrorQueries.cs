using System.Globalization;
using CustomerPortal.Core.Products;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.DualWrite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Web.Tests;

// Reads of the seeded mirror, to know what the pages *should* show without asking the portal. They go
// through the dual-write row classes (MirrorDatabase.Open), so a renamed table or column is a compile
// error here rather than a test that quietly queries the old name.
public sealed class MirrorQueries(string connectionString)
{
    public static MirrorQueries Open(string mirrorPath) => new($"Data Source={mirrorPath};Mode=ReadOnly");

    // One query over the mirror in LINQ, on a context of its own.
    public T Read<T>(Func<DbContext, T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var db = MirrorDatabase.Open(connectionString);
        return query(db);
    }

    // The contact a portal user is linked to, looked up by its e-mail address (the demo personas share it with their user).
    public MirrorContact ContactByEmail(string email) => Read(db => db.Set<ContactRow>().AsNoTracking()
        .Where(c => c.Email == email && c.Account != null && c.Company != null)
        .Select(c => new { c.ContactId, c.FullName, c.AccountId, c.Account!.AccountNumber, AccountName = c.Account.Name, c.CompanyId,
            c.Company!.Code, CompanyName = c.Company.Name, c.PriceListId })
        .AsEnumerable()
        .Select(c => new MirrorContact(Id(c.ContactId), c.FullName, Id(c.AccountId!.Value), c.AccountNumber, c.AccountName, Id(c.CompanyId!.Value),
            c.Code, c.CompanyName, c.PriceListId is { } priceList ? Id(priceList) : null))
        .Single());

    public Guid ContactIdByEmail(string email) =>
        Read(db => db.Set<ContactRow>().AsNoTracking().Where(c => c.Email == email).Select(c => c.ContactId).Single());

    // The contact's own editable fields (telephone1, jobtitle).
    public (string? Phone, string? JobTitle) ContactDetailsByEmail(string email) => Read(db => db.Set<ContactRow>().AsNoTracking()
        .Where(c => c.Email == email).Select(c => new { c.Phone, c.JobTitle }).AsEnumerable().Select(c => (c.Phone, c.JobTitle)).Single());

    // Active contacts of a customer account in the account's own legal entity: who its representative's team page lists.
    public IReadOnlyList<Guid> ActiveContactIdsOfAccount(string accountNumber) => Read(db => db.Set<ContactRow>().AsNoTracking()
        .Where(c => c.StateCode == 0 && c.Account!.AccountNumber == accountNumber && c.CompanyId == c.Account.CompanyId)
        .Select(c => c.ContactId)
        .ToList());

    // A contact linked to a customer account but to no legal entity: one the portal cannot build a scope for.
    public Guid ContactWithoutCompany() => Read(db => db.Set<ContactRow>().AsNoTracking()
        .Where(c => c.CompanyId == null && c.AccountId != null).OrderBy(c => c.ContactId).Select(c => c.ContactId).First());

    // The numbers of the orders where the contact is the contact person.
    public IReadOnlyList<string> OrderNumbersWithContactPerson(Guid contactId) => Read(db => db.Set<SalesOrderRow>().AsNoTracking()
        .Where(o => o.ContactPersonId == contactId).Select(o => o.OrderNumber).ToList());

    // Active products on the contact's price list, by item number; only those with that many quantity decimals when given.
    public IReadOnlyList<string> PricedItemNumbersOf(string email, int? quantityDecimals = null) => Read(db => db.Set<PriceListItemRow>().AsNoTracking()
        .Where(i => i.Product!.State == ProductState.Active && (quantityDecimals == null || i.Product.QuantityDecimals == quantityDecimals)
            && db.Set<ContactRow>().Any(c => c.Email == email && c.PriceListId == i.PriceListId))
        .Select(i => i.Product!.ScmProductNumber)
        .OrderBy(n => n)
        .ToList());

    // Active products missing from the contact's price list, by item number.
    public IReadOnlyList<string> UnlistedItemNumbersOf(string email) => Read(db => db.Set<ProductRow>().AsNoTracking()
        .Where(p => p.State == ProductState.Active && !db.Set<PriceListItemRow>().Any(i => i.ProductId == p.ProductId
            && db.Set<ContactRow>().Any(c => c.Email == email && c.PriceListId == i.PriceListId)))
        .OrderBy(p => p.ScmProductNumber)
        .Select(p => p.ScmProductNumber)
        .ToList());

    // A contact with a legal entity but no price list: one that cannot order yet.
    public Guid ContactWithoutPriceList() => Read(db => db.Set<ContactRow>().AsNoTracking()
        .Where(c => c.PriceListId == null && c.CompanyId != null).OrderBy(c => c.ContactId).Select(c => c.ContactId).First());

    // The sales order with its lines, by the number customers see, or null.
    public SalesOrderRow? OrderWithLines(string orderNumber) =>
        Read(db => db.Set<SalesOrderRow>().AsNoTracking().Include(o => o.Lines).SingleOrDefault(o => o.OrderNumber == orderNumber));

    // The sales order written under an id (the draft's), or null.
    public SalesOrderRow? OrderById(Guid salesOrderId) =>
        Read(db => db.Set<SalesOrderRow>().AsNoTracking().SingleOrDefault(o => o.SalesOrderId == salesOrderId));

    // Every order of the contact's customer account in the contact's legal entity: what a representative sees.
    public IReadOnlyList<MirrorOrder> OrdersOfAccountOf(string email) => Orders((db, orders) => orders.Where(o =>
        db.Set<ContactRow>().Any(me => me.Email == email && me.AccountId == o.CustomerId && me.CompanyId == o.CompanyId)));

    // The orders where the contact is the contact person: what an authorized user sees.
    public IReadOnlyList<MirrorOrder> OrdersPlacedBy(string email) => Orders((db, orders) => orders.Where(o =>
        db.Set<ContactRow>().Any(me => me.Email == email && me.ContactId == o.ContactPersonId && me.AccountId == o.CustomerId && me.CompanyId == o.CompanyId)));

    public MirrorOrder Order(string orderNumber) => Orders((_, orders) => orders.Where(o => o.OrderNumber == orderNumber)).Single();

    public MirrorOrderTotals Totals(string orderNumber) => Read(db => db.Set<SalesOrderRow>().AsNoTracking()
        .Where(o => o.OrderNumber == orderNumber)
        .Select(o => new MirrorOrderTotals(o.LineTotal, o.DiscountAmount, o.FreightAmount, o.TaxAmount, o.TotalAmount))
        .Single());

    // What the order page's delivery columns show per line, in line order.
    public IReadOnlyList<MirrorLineDelivery> LineDeliveries(string orderNumber) => Read(db => db.Set<SalesOrderLineRow>().AsNoTracking()
        .Where(l => l.SalesOrder!.OrderNumber == orderNumber)
        .OrderBy(l => l.SequenceNumber)
        .Select(l => new MirrorLineDelivery(l.SequenceNumber, l.Quantity, l.QuantityShipped, l.QuantityCancelled,
            l.Product != null ? l.Product.QuantityDecimals : 0, l.ConfirmedReceiptDate, (int)l.LineStatus))
        .ToList());

    // The header's delivery dates and mode, as the order page shows them.
    public MirrorOrderDelivery OrderDelivery(string orderNumber) => Read(db => db.Set<SalesOrderRow>().AsNoTracking()
        .Where(o => o.OrderNumber == orderNumber)
        .Select(o => new MirrorOrderDelivery(o.RequestedReceiptDate, o.ConfirmedReceiptDate, o.ConfirmedShippingDate, o.RequestedShippingDate))
        .Single());

    public IReadOnlyList<MirrorOrderLine> Lines(string orderNumber) => Read(db => db.Set<SalesOrderLineRow>().AsNoTracking()
        .Where(l => l.SalesOrder!.OrderNumber == orderNumber)
        .OrderBy(l => l.SequenceNumber)
        .Select(l => new MirrorOrderLine(l.SequenceNumber, l.Product != null ? l.Product.ScmProductNumber : null, l.Quantity,
            l.Product != null ? l.Product.QuantityDecimals : 0, l.PricePerUnit, l.DiscountAmount, l.ExtendedAmount, l.Unit!.Symbol,
            l.IsProductOverridden ? l.ProductDescription : null))
        .ToList());

    // Active contacts of the contact's account, as the account page lists them for representatives.
    public IReadOnlyList<string> ContactNamesOfAccountOf(string email) => Read(db => db.Set<ContactRow>().AsNoTracking()
        .Where(c => c.StateCode == 0
            && db.Set<ContactRow>().Any(me => me.Email == email && me.AccountId == c.AccountId && me.CompanyId == c.CompanyId))
        .Select(c => c.FullName)
        .ToList());

    // Products by product.statecode (0 active, 1 retired, 2 draft), ordered by item number (ordinal, as SQLite orders text).
    public IReadOnlyList<string> ItemNumbersInState(int stateCode) => Read(db => db.Set<ProductRow>().AsNoTracking()
        .Where(p => p.State == (ProductState)stateCode)
        .OrderBy(p => p.ScmProductNumber)
        .Select(p => p.ScmProductNumber)
        .ToList());

    // Active products with their price in the given price list (for the product's default unit), null when not on it.
    public IReadOnlyList<MirrorPrice> ActiveProductPrices(string priceListId)
    {
        var listId = Guid.Parse(priceListId);
        return Read(db =>
        {
            var currency = db.Set<PriceListRow>().AsNoTracking().Where(l => l.PriceListId == listId)
                .Select(l => new MirrorCurrency(l.Currency!.IsoCode, l.Currency.Symbol, l.Currency.Precision)).Single();
            return db.Set<ProductRow>().AsNoTracking()
                .Where(p => p.State == ProductState.Active)
                .OrderBy(p => p.ScmProductNumber)
                .Select(p => new
                {
                    p.ScmProductNumber,
                    Amount = db.Set<PriceListItemRow>()
                        .Where(i => i.PriceListId == listId && i.ProductId == p.ProductId && i.UnitId == p.DefaultUnitId)
                        .Select(i => (decimal?)i.Amount).FirstOrDefault(),
                })
                .AsEnumerable()
                .Select(p => new MirrorPrice(p.ScmProductNumber, p.Amount, currency))
                .ToList();
        });
    }

    // The mirror's text form of an id (EF Core's SQLite provider stores GUIDs upper-case), as pages and old callers compare it.
    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    public T? Scalar<T>(string sql, params object[] parameters)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = Command(connection, sql, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    public List<string> Strings(string sql, params object[] parameters) => Query(sql, r => r.GetString(0), parameters);

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params object[] parameters)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = Command(connection, sql, parameters);
        var values = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(read(reader));
        }

        return values;
    }

    // The persona's invoices newest first, as /Invoices orders them: a representative's are the account's in its
    // legal entity, an authorized user's those of the orders where they are the contact person. Ids are joined
    // as stored (the mirror writes them in upper case): upper() on both sides kept SQLite from every index and
    // cost 5-7 s a call, about 9 minutes of the suite.
    public List<MirrorInvoice> InvoicesOf(string email) => Query(
        "SELECT i.invoiceid, i.msdyn_invoicenumber, i.msdyn_invoicedate, o.msdyn_salesordernumber, i.totalamount, c.isocurrencycode, c.currencysymbol, c.currencyprecision FROM invoice i " +
        "JOIN salesorder o ON o.salesorderid = i.salesorderid " +
        "JOIN transactioncurrency c ON c.transactioncurrencyid = i.transactioncurrencyid " +
        "JOIN contact me ON me.parentcustomerid = i.customerid AND me.msdyn_company = i.msdyn_company " +
        "WHERE me.emailaddress1 = $p0 AND ($p1 = 0 OR o.msdyn_contactperson = me.contactid) " +
        "ORDER BY i.msdyn_invoicedate DESC, i.msdyn_invoicenumber DESC",
        r => new MirrorInvoice(r.GetString(0), r.GetString(1), DateOnly.Parse(r.GetString(2)[..10], CultureInfo.InvariantCulture), r.GetString(3),
            r.GetDecimal(4), new MirrorCurrency(r.GetString(5), r.GetString(6), r.GetInt32(7))),
        email, email == Personas.AuthorizedUser ? 1 : 0);

    // The filter gets the context too, for subqueries over other tables.
    private List<MirrorOrder> Orders(Func<DbContext, IQueryable<SalesOrderRow>, IQueryable<SalesOrderRow>> filter) => Read(db =>
        filter(db, db.Set<SalesOrderRow>().AsNoTracking())
            .Select(o => new
            {
                o.OrderNumber, o.RequisitionNumber, o.CreatedOn, o.ProcessingStatus, o.TotalAmount,
                o.Currency!.IsoCode, o.Currency.Symbol, o.Currency.Precision,
                ContactPersonName = o.ContactPerson == null ? null : o.ContactPerson.FullName,
                o.Customer!.AccountNumber,
                o.RequestedReceiptDate,
                o.ConfirmedReceiptDate,
            })
            .AsEnumerable()
            .Select(o => new MirrorOrder(o.OrderNumber, o.RequisitionNumber, DateTime.SpecifyKind(o.CreatedOn, DateTimeKind.Utc), (int)o.ProcessingStatus,
                o.TotalAmount, new MirrorCurrency(o.IsoCode, o.Symbol, o.Precision), o.ContactPersonName, o.AccountNumber,
                o.RequestedReceiptDate, o.ConfirmedReceiptDate))
            .ToList());

    private static SqliteCommand Command(SqliteConnection connection, string sql, object[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i, parameters[i]);
        }

        return command;
    }
}

public sealed record MirrorContact(
    string ContactId,
    string FullName,
    string AccountId,
    string AccountNumber,
    string AccountName,
    string CompanyId,
    string CompanyCode,
    string CompanyName,
    string? PriceListId);

public sealed record MirrorInvoice(string Id, string Number, DateOnly Date, string OrderNumber, decimal Total, MirrorCurrency Currency);

public sealed record MirrorCurrency(string IsoCode, string Symbol, int Precision)
{
    // How a reader of the given culture writes an amount in this currency: the culture's layout, the currency's symbol and decimals.
    public string Format(decimal amount, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Symbol;
        format.CurrencyDecimalDigits = Precision;
        return amount.ToString("C", format);
    }
}

public sealed record MirrorOrder(
    string Number,
    string? RequisitionNumber,
    DateTime CreatedOnUtc,
    int ProcessingStatus,
    decimal TotalAmount,
    MirrorCurrency Currency,
    string? ContactPersonName,
    string AccountNumber,
    DateOnly? RequestedReceiptDate = null,
    DateOnly? ConfirmedReceiptDate = null)
{
    public Core.Orders.ProcessingStatus Status => (Core.Orders.ProcessingStatus)ProcessingStatus;

    public DateOnly? ExpectedReceiptDate => ConfirmedReceiptDate ?? RequestedReceiptDate;

    // The one rule, applied to the mirror's row: what the pages must badge as late.
    public bool IsLateOn(DateOnly today) => Core.Orders.DeliveryRules.IsLate(Status, ExpectedReceiptDate, today);

    public bool IsOpen => Core.Orders.DeliveryRules.IsOpen(Status);
}

public sealed record MirrorLineDelivery(int Sequence, decimal Quantity, decimal Delivered, decimal Cancelled, int QuantityDecimals, DateOnly? ConfirmedReceiptDate, int LineStatus)
{
    public decimal Remaining => Math.Max(0, Quantity - Delivered - Cancelled);
}

public sealed record MirrorOrderDelivery(DateOnly? RequestedReceiptDate, DateOnly? ConfirmedReceiptDate, DateOnly? ConfirmedShippingDate, DateOnly? RequestedShippingDate);

public sealed record MirrorOrderTotals(decimal LineTotal, decimal Discount, decimal Freight, decimal Tax, decimal Total);

// ItemNumber is null and WriteInDescription set on a write-in line (no product).
public sealed record MirrorOrderLine(int Sequence, string? ItemNumber, decimal Quantity, int QuantityDecimals, decimal UnitPrice, decimal Discount,
    decimal LineAmount, string Unit, string? WriteInDescription);

public sealed record MirrorPrice(string ItemNumber, decimal? Amount, MirrorCurrency Currency);
