using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore.Templates;

// The template tables, kept beside their entities so PortalDbContext only calls in.
internal static class OrderTemplateModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<OrderTemplate>(template =>
        {
            template.ToTable("PortalOrderTemplates");
            template.HasKey(t => t.Id);
            template.Property(t => t.Id).ValueGeneratedNever();
            template.Property(t => t.OwnerUserId).HasMaxLength(450);
            template.Property(t => t.OwnerName).HasMaxLength(256);
            template.Property(t => t.Name).HasMaxLength(OrderTemplate.MaxNameLength);
            template.Property(t => t.NormalizedName).HasMaxLength(OrderTemplate.MaxNameLength);
            // No foreign key to the owner: a representative's shared template outlives their access.
            // One owner never has two templates of the same name for one account; the pages say so first.
            template.HasIndex(t => new { t.AccountId, t.CompanyId, t.OwnerUserId, t.NormalizedName }).IsUnique();
            template.HasMany(t => t.Lines).WithOne().HasForeignKey(l => l.TemplateId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<OrderTemplateLine>(line =>
        {
            line.ToTable("PortalOrderTemplateLines");
            line.HasKey(l => l.Id);
            line.Property(l => l.Id).ValueGeneratedNever();
            line.Property(l => l.ItemNumber).HasMaxLength(100);
            line.Property(l => l.ProductName).HasMaxLength(500);
            line.Property(l => l.Quantity).HasPrecision(18, 5);
        });
    }
}
