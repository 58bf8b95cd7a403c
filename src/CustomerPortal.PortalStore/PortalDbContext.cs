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
        builder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("PortalInvitations");
            invitation.HasKey(i => i.Id);
            invitation.Property(i => i.AccountNumber).HasMaxLength(100);
            invitation.Property(i => i.ContactName).HasMaxLength(200);
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.Role).HasMaxLength(64);
            invitation.Property(i => i.CodeHash).HasMaxLength(64);
            invitation.Property(i => i.InvitedByName).HasMaxLength(256);
            invitation.HasIndex(i => i.CodeHash).IsUnique();
            invitation.HasIndex(i => new { i.AccountId, i.CreatedAt });
            invitation.HasIndex(i => i.ContactId);
        });
        builder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("PortalAuditLog");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.ActorName).HasMaxLength(256);
            entry.Property(e => e.Action).HasMaxLength(64);
            entry.Property(e => e.Subject).HasMaxLength(512);
            entry.Property(e => e.Details).HasMaxLength(2000);
            entry.HasIndex(e => e.At);
        });
        builder.Entity<RegistrationRequest>(request =>
        {
            request.ToTable("PortalRegistrationRequests");
            request.HasKey(r => r.Id);
            request.Property(r => r.Name).HasMaxLength(200);
            request.Property(r => r.Email).HasMaxLength(256);
            request.Property(r => r.CompanyName).HasMaxLength(200);
            request.Property(r => r.AccountNumber).HasMaxLength(100);
            request.Property(r => r.Message).HasMaxLength(2000);
            request.Property(r => r.DecidedByName).HasMaxLength(256);
            request.Property(r => r.RejectionReason).HasMaxLength(1000);
            request.HasIndex(r => new { r.State, r.CreatedAt });
            request.HasIndex(r => r.Email);
        });
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
