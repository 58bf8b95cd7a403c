using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CustomerPortal.Web.Tests;

// Plain SQL over the seeded mirror, to know what the pages *should* show without asking the portal.
public sealed class MirrorQueries(string connectionString)
{
    private const string OrderColumns = """
        o.msdyn_salesordernumber, o.msdyn_customerrequisitionnumber, o.createdon, o.msdyn_processingstatus,
        o.totalamount, c.isocurrencycode, c.currencysymbol, c.currencyprecision, p.fullname, a.accountnumber
        """;

    private const string OrderJoins = """
        salesorder o
        JOIN account a ON a.accountid = o.customerid
        JOIN transactioncurrency c ON c.transactioncurrencyid = o.transactioncurrencyid
        LEFT JOIN contact p ON p.contactid = o.msdyn_contactperson
        """;

    public static MirrorQueries Open(string mirrorPath) => new($"Data Source={mirrorPath};Mode=ReadOnly");

    // The contact a portal user is linked to, looked up by its e-mail address (the demo personas share it with their user).
    public MirrorContact ContactByEmail(string email) => Query(
            """
            SELECT c.contactid, c.fullname, c.parentcustomerid, a.accountnumber, a.name, c.msdyn_company, co.cdm_companycode, co.cdm_name, c.defaultpricelevelid
            FROM contact c JOIN account a ON a.accountid = c.parentcustomerid JOIN cdm_company co ON co.cdm_companyid = c.msdyn_company
            WHERE c.emailaddress1 = $p0
            """,
            r => new MirrorContact(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)),
            email)
        .Single();

    // Every order of the contact's customer account in the contact's legal entity: what a representative sees.
    public IReadOnlyList<MirrorOrder> OrdersOfAccountOf(string email) => Orders(
        """
        JOIN contact me ON me.parentcustomerid = o.customerid AND me.msdyn_company = o.msdyn_company
        WHERE me.emailaddress1 = $p0
        """,
        email);

    // The orders where the contact is the contact person: what an authorized user sees.
    public IReadOnlyList<MirrorOrder> OrdersPlacedBy(string email) => Orders(
        """
        JOIN contact me ON me.contactid = o.msdyn_contactperson AND me.parentcustomerid = o.customerid AND me.msdyn_company = o.msdyn_company
        WHERE me.emailaddress1 = $p0
        """,
        email);

    public MirrorOrder Order(string orderNumber) => Orders("WHERE o.msdyn_salesordernumber = $p0", orderNumber).Single();

    public MirrorOrderTotals Totals(string orderNumber) => Query(
            """
            SELECT o.totallineitemamount, o.discountamount, o.freightamount, o.totaltax, o.totalamount
            FROM salesorder o WHERE o.msdyn_salesordernumber = $p0
            """,
            r => new MirrorOrderTotals(Money(r, 0), Money(r, 1), Money(r, 2), Money(r, 3), Money(r, 4)),
            orderNumber)
        .Single();

    public IReadOnlyList<MirrorOrderLine> Lines(string orderNumber) => Query(
        """
        SELECT l.sequencenumber, p.msdyn_productnumber, l.quantity, p.quantitydecimal, l.priceperunit, l.manualdiscountamount, l.extendedamount
        FROM salesorderdetail l
        JOIN salesorder o ON o.salesorderid = l.salesorderid
        JOIN product p ON p.productid = l.productid
        WHERE o.msdyn_salesordernumber = $p0
        ORDER BY l.sequencenumber
        """,
        r => new MirrorOrderLine(r.GetInt32(0), r.GetString(1), Money(r, 2), r.GetInt32(3), Money(r, 4), Money(r, 5), Money(r, 6)),
        orderNumber);

    // Active contacts of the contact's account, as the account page lists them for representatives.
    public IReadOnlyList<string> ContactNamesOfAccountOf(string email) => Strings(
        """
        SELECT c.fullname FROM contact c
        JOIN contact me ON me.parentcustomerid = c.parentcustomerid AND me.msdyn_company = c.msdyn_company
        WHERE me.emailaddress1 = $p0 AND c.statecode = 0
        """,
        email);

    // Products by product.statecode (0 active, 1 retired, 2 draft), ordered by item number.
    public IReadOnlyList<string> ItemNumbersInState(int stateCode) => Strings(
        "SELECT msdyn_productnumber FROM product WHERE statecode = $p0 ORDER BY msdyn_productnumber",
        stateCode);

    // Active products with their price in the given price list (for the product's default unit), null when not on it.
    public IReadOnlyList<MirrorPrice> ActiveProductPrices(string priceListId) => Query(
        """
        SELECT p.msdyn_productnumber, i.amount, c.isocurrencycode, c.currencysymbol, c.currencyprecision
        FROM product p
        JOIN pricelevel l ON l.pricelevelid = $p0
        JOIN transactioncurrency c ON c.transactioncurrencyid = l.transactioncurrencyid
        LEFT JOIN productpricelevel i ON i.pricelevelid = l.pricelevelid AND i.productid = p.productid AND i.uomid = p.defaultuomid
        WHERE p.statecode = 0
        ORDER BY p.msdyn_productnumber
        """,
        r => new MirrorPrice(r.GetString(0), r.IsDBNull(1) ? null : Money(r, 1), new MirrorCurrency(r.GetString(2), r.GetString(3), r.GetInt32(4))),
        priceListId);

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

    private List<MirrorOrder> Orders(string joinsAndWhere, params object[] parameters) => Query(
        $"SELECT {OrderColumns} FROM {OrderJoins} {joinsAndWhere}",
        r => new MirrorOrder(
            r.GetString(0),
            r.IsDBNull(1) ? null : r.GetString(1),
            DateTime.Parse(r.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            r.GetInt32(3),
            Money(r, 4),
            new MirrorCurrency(r.GetString(5), r.GetString(6), r.GetInt32(7)),
            r.IsDBNull(8) ? null : r.GetString(8),
            r.GetString(9)),
        parameters);

    // Amounts are stored as text, the way EF Core's SQLite provider stores decimals.
    private static decimal Money(SqliteDataReader reader, int ordinal) =>
        decimal.Parse(reader.GetString(ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);

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
    string AccountNumber);

public sealed record MirrorOrderTotals(decimal LineTotal, decimal Discount, decimal Freight, decimal Tax, decimal Total);

public sealed record MirrorOrderLine(int Sequence, string ItemNumber, decimal Quantity, int QuantityDecimals, decimal UnitPrice, decimal Discount, decimal LineAmount);

public sealed record MirrorPrice(string ItemNumber, decimal? Amount, MirrorCurrency Currency);
