using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Data.Sqlite.Mirror;

// The local mirror of the dual-write tables. Table and column names are Dataverse logical names
// (see the [Table]/[Column] attributes); lookups are foreign keys named like the lookup attribute.
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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CompanyRow>(company =>
        {
            company.HasKey(c => c.CompanyId);
            company.HasIndex(c => c.Code).IsUnique();
        });

        modelBuilder.Entity<CurrencyRow>(currency =>
        {
            currency.HasKey(c => c.CurrencyId);
            currency.HasIndex(c => c.IsoCode).IsUnique();
        });

        modelBuilder.Entity<UnitRow>().HasKey(u => u.UnitId);

        modelBuilder.Entity<PriceListRow>(priceList =>
        {
            priceList.HasKey(p => p.PriceListId);
            priceList.HasOne(p => p.Currency).WithMany().HasForeignKey(p => p.CurrencyId);
        });

        modelBuilder.Entity<PriceListItemRow>(item =>
        {
            item.HasKey(i => i.PriceListItemId);
            item.HasOne(i => i.PriceList).WithMany().HasForeignKey(i => i.PriceListId);
            item.HasOne(i => i.Product).WithMany().HasForeignKey(i => i.ProductId);
            item.HasOne<UnitRow>().WithMany().HasForeignKey(i => i.UnitId);
            // The catalogue and the order flow look a price up by (price list, product).
            item.HasIndex(i => new { i.PriceListId, i.ProductId });
        });

        modelBuilder.Entity<ProductRow>(product =>
        {
            product.HasKey(p => p.ProductId);
            product.HasOne(p => p.DefaultUnit).WithMany().HasForeignKey(p => p.DefaultUnitId);
            product.HasIndex(p => p.ScmProductNumber).IsUnique();
            product.HasIndex(p => new { p.State, p.ScmProductNumber });
        });

        modelBuilder.Entity<AccountRow>(account =>
        {
            account.HasKey(a => a.AccountId);
            account.HasOne(a => a.Company).WithMany().HasForeignKey(a => a.CompanyId);
            account.HasOne(a => a.Currency).WithMany().HasForeignKey(a => a.CurrencyId);
            account.HasOne(a => a.PriceList).WithMany().HasForeignKey(a => a.PriceListId);
            account.HasIndex(a => new { a.CompanyId, a.AccountNumber }).IsUnique();
        });

        modelBuilder.Entity<ContactRow>(contact =>
        {
            contact.HasKey(c => c.ContactId);
            contact.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId);
            contact.HasOne(c => c.Company).WithMany().HasForeignKey(c => c.CompanyId);
            contact.HasOne<PriceListRow>().WithMany().HasForeignKey(c => c.PriceListId);
            contact.HasOne<CurrencyRow>().WithMany().HasForeignKey(c => c.CurrencyId);
            contact.HasIndex(c => new { c.AccountId, c.LastName, c.FirstName });
            contact.HasIndex(c => c.Email);
        });

        modelBuilder.Entity<SalesOrderRow>(order =>
        {
            order.HasKey(o => o.SalesOrderId);
            order.HasOne(o => o.Customer).WithMany().HasForeignKey(o => o.CustomerId);
            order.HasOne(o => o.Company).WithMany().HasForeignKey(o => o.CompanyId);
            order.HasOne(o => o.ContactPerson).WithMany().HasForeignKey(o => o.ContactPersonId);
            order.HasOne(o => o.Currency).WithMany().HasForeignKey(o => o.CurrencyId);
            order.HasOne<AccountRow>().WithMany().HasForeignKey(o => o.InvoiceCustomerId);
            order.HasOne<PriceListRow>().WithMany().HasForeignKey(o => o.PriceListId);
            order.HasMany(o => o.Lines).WithOne(l => l.SalesOrder).HasForeignKey(l => l.SalesOrderId);

            // Access paths of the order list: a representative's account, an authorized user's own
            // orders, each in date and number order (keyset paging), and the details page by number.
            // The order number is the tie-breaker of every keyset, so the pair is unique.
            order.HasIndex(o => new { o.CustomerId, o.CreatedOn, o.OrderNumber });
            order.HasIndex(o => new { o.CustomerId, o.OrderNumber });
            order.HasIndex(o => new { o.ContactPersonId, o.CreatedOn, o.OrderNumber });
            order.HasIndex(o => new { o.ContactPersonId, o.OrderNumber });
            // Supply Chain Management numbers orders per legal entity.
            order.HasIndex(o => new { o.CompanyId, o.OrderNumber }).IsUnique();
        });

        modelBuilder.Entity<SalesOrderLineRow>(line =>
        {
            line.HasKey(l => l.SalesOrderLineId);
            line.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId);
            line.HasOne(l => l.Unit).WithMany().HasForeignKey(l => l.UnitId);
            line.HasIndex(l => new { l.SalesOrderId, l.SequenceNumber });
        });
    }
}
