using CustomerPortal.Web.Security;

namespace CustomerPortal.Web.Registrations;

public static class RegistrationServiceCollectionExtensions
{
    // Forgot/reset password and access requests: what a person can do before having a session.
    public static IServiceCollection AddPortalSelfService(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RegistrationOptions>(configuration.GetSection(RegistrationOptions.Section));
        services.AddScoped<RegistrationService>();
        services.AddScoped<PasswordResetService>();
        return services;
    }
}
