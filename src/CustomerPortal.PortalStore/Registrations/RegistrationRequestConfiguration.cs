using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.PortalStore.Registrations;

internal sealed class RegistrationRequestConfiguration : IEntityTypeConfiguration<RegistrationRequest>
{
    public void Configure(EntityTypeBuilder<RegistrationRequest> request)
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
    }
}
