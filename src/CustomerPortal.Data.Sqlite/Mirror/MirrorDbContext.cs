using CustomerPortal.DualWrite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace CustomerPortal.Data.Sqlite.Mirror;

// The local mirror of the dual-write tables: the row classes of CustomerPortal.DualWrite, so table and
// column names are Dataverse logical names and lookups are foreign keys named like the lookup column.
internal sealed class MirrorDbContext(DbContextOptions<MirrorDbContext> options) : DbContext(options)
{
    public DbSet<CompanyRow> Companies => Set<CompanyRow>();
    public DbSet<CurrencyRow> Currencies => Set<CurrencyRow>();
    public DbSet<UnitRow> Units => Set<UnitRow>();
    public DbSet<PriceListRow> PriceLists => Set<PriceListRow>();
    public DbSet<PriceListItemRow> PriceListItems => Set<PriceListItemRow>();
    public DbSet<ProductRow> Products => Set<ProductRow>();
    public DbSet<AccountRow> Accounts => Set<AccountRow>();
    public DbSet<ContactRow> Contacts => Set<ContactRow>();
    public DbSet<SalesOrderRow> SalesOrders => Set<SalesOrderRow>();
    public DbSet<SalesOrderLineRow> SalesOrderLines => Set<SalesOrderLineRow>();
    public DbSet<ShipViaRow> DeliveryModes => Set<ShipViaRow>();
    public DbSet<InvoiceRow> Invoices => Set<InvoiceRow>();
    public DbSet<InvoiceLineRow> InvoiceLines => Set<InvoiceLineRow>();

    // SQLite's likelihood(X, 0.01): X itself, and a hint to the query planner that X holds for about 1 % of the rows
    // it is tested on. The planner knows the average account (sqlite_stat1), not the large one: for a filter that keeps
    // a few of an account's orders it can prefer an index in the list's order and read all the others. unlikely(X)
    // says 6 %, which a keyset range (the next page, the CSV export's batches) can outweigh; 1 % it does not.
    // https://sqlite.org/lang_corefunc.html#likelihood
    public static bool Rarely(bool condition) => throw new InvalidOperationException("Rarely runs in SQL only.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Keys and relationships come from the dual-write schema, so the mirror cannot drift from it.
        foreach (var table in DualWriteSchema.Tables)
        {
            var entity = modelBuilder.Entity(table.RowType);
            entity.HasKey(table.PrimaryKey.Property.Name);
            foreach (var column in table.Lookups)
            {
                var lookup = column.Lookup!;
                var inverse = lookup.Target.Collections.SingleOrDefault(c => c.ChildRow == table.RowType)?.Property.Name;
                entity.HasOne(lookup.TargetRow, lookup.Navigation).WithMany(inverse).HasForeignKey(column.Property.Name);
            }
        }

        // The probability is written into the SQL: SQLite refuses a bound value there.
        modelBuilder.HasDbFunction(() => Rarely(default)).HasTranslation(arguments => new SqlFunctionExpression(
            "likelihood", [arguments[0], new SqlFragmentExpression("0.01")], nullable: false,
            argumentsPropagateNullability: [false, false], typeof(bool), typeMapping: null));

        // Indexes are the mirror's own: the access paths of the pages (Dataverse indexes by itself).
        modelBuilder.Entity<CompanyRow>().HasIndex(c => c.Code).IsUnique();
        modelBuilder.Entity<CurrencyRow>().HasIndex(c => c.IsoCode).IsUnique();
        // The catalogue and the order flow look a price up by (price list, product).
        modelBuilder.Entity<PriceListItemRow>().HasIndex(i => new { i.PriceListId, i.ProductId });
        modelBuilder.Entity<ProductRow>(product =>
        {
            product.HasIndex(p => p.ScmProductNumber).IsUnique();
            product.HasIndex(p => new { p.State, p.ScmProductNumber });
        });
        modelBuilder.Entity<AccountRow>().HasIndex(a => new { a.CompanyId, a.AccountNumber }).IsUnique();
        modelBuilder.Entity<ContactRow>(contact =>
        {
            contact.HasIndex(c => new { c.AccountId, c.LastName, c.FirstName });
            contact.HasIndex(c => c.Email);
        });
        modelBuilder.Entity<SalesOrderRow>(order =>
        {
            // Access paths of the order list: a representative's account, an authorized user's own
            // orders, each in date and number order (keyset paging), and the details page by number.
            // The order number is the tie-breaker of every keyset, so the pair is unique. The date-ordered
            // ones carry the requisition number too, so a search (LIKE on number or requisition) is checked in
            // the index and reads only the matching orders' rows: a number found once in 13,600 orders took
            // 30 ms, now 5 ms (issue 16).
            order.HasIndex(o => new { o.CustomerId, o.CreatedOn, o.OrderNumber, o.RequisitionNumber });
            order.HasIndex(o => new { o.CustomerId, o.OrderNumber });
            // The status-mail worker reads changes by modifiedon across customers (IOrderChangeFeed).
            order.HasIndex(o => new { o.ModifiedOn, o.SalesOrderId });
            order.HasIndex(o => new { o.ContactPersonId, o.CreatedOn, o.OrderNumber, o.RequisitionNumber });
            // The same two, extended with what the home page's spend by month sums, so that GROUP BY reads an index alone
            // (a year of the large account's orders, about 7,000: 30-44 ms -> 8 ms in sqlite3). The lists and searches keep
            // the narrower ones above: same columns first, so SQLite picks by size. A search for one order's number reads
            // every entry of the account: with the wide index alone it took 5,600 us of CPU instead of 3,500. A covering
            // index that started otherwise (account, legal entity, date) was taken for the lists too, which then sorted.
            order.HasIndex(o => new { o.CustomerId, o.CreatedOn, o.OrderNumber, o.RequisitionNumber, o.CompanyId, o.ProcessingStatus, o.TotalAmount, o.CurrencyId });
            order.HasIndex(o => new { o.ContactPersonId, o.CreatedOn, o.OrderNumber, o.RequisitionNumber, o.CustomerId, o.CompanyId, o.ProcessingStatus, o.TotalAmount, o.CurrencyId });
            order.HasIndex(o => new { o.ContactPersonId, o.OrderNumber });
            // The home page's delivery lists (late, arriving, awaiting confirmation: the few open orders among thousands
            // delivered and invoiced) and the list filtered by status, in date and number order. On the large profile each
            // of those lists read all 13,600 orders of the account: 37-71 ms each, four of them on the home page; now 1 ms.
            order.HasIndex(o => new { o.CustomerId, o.ProcessingStatus, o.CreatedOn, o.OrderNumber });
            order.HasIndex(o => new { o.ContactPersonId, o.ProcessingStatus, o.CreatedOn, o.OrderNumber });
            // The list by requested receipt date, and the home page's recently delivered orders (a window of days
            // among thousands delivered): 41-67 ms -> 5-7 ms. The open orders' lists (late, arriving) can follow this
            // index too and walk the delivered history: WhereProgress tells SQLite they are few.
            order.HasIndex(o => new { o.CustomerId, o.RequestedReceiptDate, o.OrderNumber });
            order.HasIndex(o => new { o.ContactPersonId, o.RequestedReceiptDate, o.OrderNumber });
            // An invoice search also matches its order's number: one probe of this index per invoice instead of the
            // key's index and the order's row (an account's 15,500 invoices: 85 -> 40 ms, with the invoice index below).
            order.HasIndex(o => new { o.SalesOrderId, o.OrderNumber });
            // Supply Chain Management numbers orders per legal entity.
            order.HasIndex(o => new { o.CompanyId, o.OrderNumber }).IsUnique();
        });
        modelBuilder.Entity<SalesOrderLineRow>().HasIndex(l => new { l.SalesOrderId, l.SequenceNumber });
        modelBuilder.Entity<InvoiceRow>(invoice =>
        {
            // Access paths of the invoice list: a representative's account in date and number order
            // (keyset paging, the number is the tie-breaker), the invoice page by number, and the order
            // page's links. An authorized user's invoices are reached through their orders (salesorderid).
            // The date-ordered one ends with what the account page's invoiced-by-year sums and what an invoice search
            // reads besides the number (the order's id, for its number): 15,500 invoices summed in 38-48 -> 4 ms.
            invoice.HasIndex(i => new { i.CustomerId, i.InvoiceDate, i.InvoiceNumber, i.CompanyId, i.SalesOrderId, i.TotalAmount, i.CurrencyId });
            invoice.HasIndex(i => new { i.CustomerId, i.InvoiceNumber });
            invoice.HasIndex(i => new { i.SalesOrderId, i.InvoiceDate });
            // Supply Chain Management numbers invoices per legal entity.
            invoice.HasIndex(i => new { i.CompanyId, i.InvoiceNumber }).IsUnique();
        });
        modelBuilder.Entity<InvoiceLineRow>().HasIndex(l => new { l.InvoiceId, l.SequenceNumber });
    }
}
