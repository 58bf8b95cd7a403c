using CustomerPortal.PortalStore.Audit;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.PortalStore.Invitations;
using CustomerPortal.PortalStore.Registrations;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore;

// Internal: pages and services reach the store through the feature stores (drafts, invitations, access
// requests, audit, users) and Identity's managers, never through the context.
internal sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<OrderDraft> OrderDrafts => Set<OrderDraft>();

    public DbSet<RegistrationRequest> RegistrationRequests => Set<RegistrationRequest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new InvitationConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new RegistrationRequestConfiguration());
        builder.Entity<PortalUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasIndex(u => u.ContactId);
        });

        builder.Entity<OrderDraft>(draft =>
        {
            // Keys are chosen by the portal (they become salesorderid and salesorderdetailid), never generated.
            draft.HasKey(d => d.SalesOrderId);
            draft.Property(d => d.SalesOrderId).ValueGeneratedNever();
            draft.Property(d => d.UserId).HasMaxLength(450);
            draft.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.SalesOrderId).OnDelete(DeleteBehavior.Cascade);
            draft.HasIndex(d => new { d.UserId, d.AccountId, d.ModifiedOn });
        });
        builder.Entity<OrderDraftLine>(line =>
        {
            line.HasKey(l => l.SalesOrderLineId);
            line.Property(l => l.SalesOrderLineId).ValueGeneratedNever();
        });

        // Microsoft.Data.Sqlite retries a statement that meets a busy database, except one with a RETURNING
        // clause (dotnet/efcore#30851): two sign-ins saving at the same moment ended on the error page with
        // "database is locked". Without RETURNING, EF Core checks the row count with a separate statement.
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            entityType.UseSqlReturningClause(false);
        }
    }
}
