using CustomerPortal.PortalStore.Audit;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.PortalStore.Invitations;
using CustomerPortal.PortalStore.Registrations;
using CustomerPortal.PortalStore.Sessions;
using CustomerPortal.PortalStore.StatusMails;
using CustomerPortal.PortalStore.Templates;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore;

// Internal: pages and services reach the store through the feature stores (drafts, invitations, access
// requests, audit, users) and Identity's managers, never through the context.
// Abstract: the store is opened as SqlitePortalDbContext or PostgresPortalDbContext, one subclass per
// database provider, because EF Core keeps one set of migrations per context type (see those classes).
// Everything else, feature stores and Identity included, only ever sees this class.
internal abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<OrderDraft> OrderDrafts => Set<OrderDraft>();

    public DbSet<RegistrationRequest> RegistrationRequests => Set<RegistrationRequest>();

    public DbSet<PortalSession> Sessions => Set<PortalSession>();

    public DbSet<OrderWatch> OrderWatches => Set<OrderWatch>();

    public DbSet<StatusMailState> StatusMailStates => Set<StatusMailState>();

    public DbSet<StatusMailOutboxEntry> StatusMailOutbox => Set<StatusMailOutboxEntry>();

    public DbSet<OrderTemplate> OrderTemplates => Set<OrderTemplate>();

    // Used by the PostgreSQL store only (PersistKeysToPortalStore); SQLite keeps its keys in a folder,
    // but the table is in both sets of migrations so that both describe one model.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
            invitation.Property(i => i.Culture).HasMaxLength(16);
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
        builder.Entity<PortalSession>(session =>
        {
            session.ToTable("PortalSessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.Id).ValueGeneratedNever();
            session.Property(s => s.UserId).HasMaxLength(450);
            // Removing a user removes their sessions with them.
            session.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            session.HasIndex(s => s.LastSeenAt);
        });
        builder.Entity<PortalUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.MailCulture).HasMaxLength(16);
            user.HasIndex(u => u.ContactId);
        });
        StatusMailModel.Configure(builder);
        OrderTemplateModel.Configure(builder);

        builder.Entity<OrderDraft>(draft =>
        {
            // Keys are chosen by the portal (they become salesorderid and salesorderdetailid), never generated.
            draft.HasKey(d => d.SalesOrderId);
            draft.Property(d => d.SalesOrderId).ValueGeneratedNever();
            draft.Property(d => d.UserId).HasMaxLength(450);
            draft.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.SalesOrderId).OnDelete(DeleteBehavior.Cascade);
            draft.HasIndex(d => new { d.UserId, d.AccountId, d.ModifiedOn });
            // The session check reads the version of the user's open drafts on every request (DraftsVersion):
            // a range of this index, however many submitted drafts the user has kept.
            draft.HasIndex(d => new { d.UserId, d.SubmittedOrderNumber, d.ModifiedOn });
        });
        builder.Entity<OrderDraftLine>(line =>
        {
            line.HasKey(l => l.SalesOrderLineId);
            line.Property(l => l.SalesOrderLineId).ValueGeneratedNever();
        });
    }
}
