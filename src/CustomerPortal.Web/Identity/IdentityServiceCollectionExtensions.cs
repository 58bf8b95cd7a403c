using CustomerPortal.PortalStore;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Web.Identity;

public static class IdentityServiceCollectionExtensions
{
    public const string LoginPath = "/Identity/Account/Login";
    public const string LogoutPath = "/Identity/Account/Logout";
    public const string AccessDeniedPath = "/Identity/Account/AccessDenied";

    // Sign-in with the portal's own user store; accounts are created by the seed or an administrator,
    // never by self-registration.
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services.AddIdentity<PortalUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddPortalStoreIdentity()
            .AddClaimsPrincipalFactory<CustomerClaimsPrincipalFactory>()
            .AddSignInManager<PortalSignInManager>();

        // The stamp check rebuilds the claims, so a changed contact link reaches the cookie within minutes.
        // Whether the session may go on at all is checked on every request (PortalSessions), not here.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(10);
            options.OnRefreshingPrincipal = PortalSessions.KeepSessionId;
        });

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "CustomerPortal.Auth";
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // Wraps Identity's stamp validator (set by AddIdentity, before this runs): both run, the session check first.
            cookie.Events.OnValidatePrincipal = PortalSessions.CheckBefore(cookie.Events.OnValidatePrincipal);
        });

        return services;
    }
}
