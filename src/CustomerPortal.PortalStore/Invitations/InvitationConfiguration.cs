using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.PortalStore.Invitations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
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
    }
}
