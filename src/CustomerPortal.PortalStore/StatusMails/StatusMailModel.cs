using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore.StatusMails;

// The status-mail tables, kept beside their entities so PortalDbContext only calls in.
internal static class StatusMailModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<OrderWatch>(watch =>
        {
            watch.ToTable("PortalOrderWatches");
            watch.HasKey(w => w.SalesOrderId);
            watch.Property(w => w.SalesOrderId).ValueGeneratedNever();
            watch.Property(w => w.OrderNumber).HasMaxLength(20);
            watch.Ignore(w => w.ExpectedReceiptDate);
            watch.Ignore(w => w.LastSeen);
            watch.Ignore(w => w.AsOrder);
            // The late scan: open orders not yet told late.
            watch.HasIndex(w => new { w.WasLate, w.Status });
        });
        builder.Entity<StatusMailState>(state =>
        {
            state.ToTable("PortalStatusMailState");
            state.HasKey(s => s.Id);
            state.Property(s => s.Id).ValueGeneratedNever();
            state.Property(s => s.LeaseHolder).HasMaxLength(100);
            // The one row exists from the migration on, so the lease is always taken by an UPDATE (never a racing INSERT).
            state.HasData(new StatusMailState { Id = StatusMailState.SingletonId });
        });
        builder.Entity<StatusMailOutboxEntry>(mail =>
        {
            mail.ToTable("PortalStatusMailOutbox");
            mail.HasKey(m => m.Id);
            mail.Property(m => m.Id).ValueGeneratedNever();
            mail.Property(m => m.UserId).HasMaxLength(450);
            mail.Property(m => m.To).HasMaxLength(256);
            mail.Property(m => m.Subject).HasMaxLength(500);
            // Removing a user drops the mails not yet sent to them.
            mail.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            mail.HasIndex(m => m.CreatedAt);
        });
    }
}
