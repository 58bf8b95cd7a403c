using CustomerPortal.Web.Administration;
using CustomerPortal.Web.Mail;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerPortal.Web.Invitations;

public static class OnboardingServiceCollectionExtensions
{
    // Invitations, the mail that carries them and the audit log.
    public static IServiceCollection AddPortalOnboarding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InvitationOptions>()
            .Bind(configuration.GetSection(InvitationOptions.Section))
            .Validate(
                invitations => !string.IsNullOrWhiteSpace(invitations.PublicUrl)
                    || configuration.GetSection(MailOptions.Section).Get<MailOptions>()?.UsesPickupFolder != false,
                "Invitations:PublicUrl must be set (e.g. https://portal.example.com) when Mail:Host sends real mail: "
                + "links in invitation and password-reset mails are built from it, never from the request's Host header.")
            .ValidateOnStart();
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPortalMailSender, SmtpPortalMailSender>();
        services.AddScoped<InvitationService>();
        services.AddScoped<PortalUserAdministration>();

        return services;
    }
}
