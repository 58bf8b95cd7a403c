using System.Net;
using System.Threading.RateLimiting;
using CustomerPortal.PortalStore;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    public const string CredentialsPolicy = "credentials";

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment,
        PortalOptions portal, PortalStoreOptions portalStore)
    {
        ArgumentNullException.ThrowIfNull(portalStore);
        var section = configuration.GetSection(SecurityOptions.Section);
        services.Configure<SecurityOptions>(section);
        var security = section.Get<SecurityOptions>() ?? new SecurityOptions();

        // Persisted keys keep sign-in cookies, antiforgery tokens and pending two-factor sign-ins valid
        // across a restart. With the PostgreSQL store they live in it, so every instance behind a load
        // balancer shares them; with SQLite (one instance) they stay in a folder under the data directory.
        // The application name is fixed: by default it is the content root, which differs between hosts.
        var dataProtection = services.AddDataProtection().SetApplicationName("CustomerPortal");
        if (portalStore.Provider == PortalStoreProvider.Postgres)
        {
            dataProtection.PersistKeysToPortalStore();
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(portal.PathOf("keys")));
        }

        services.Configure<IdentityOptions>(options =>
        {
            options.Password.RequiredLength = 12;
            options.Password.RequiredUniqueChars = 5;
            // Length and the checks in PortalPasswordValidator do more than forced symbols and capitals,
            // which mostly teach people to write "Password1!".
            options.Password.RequireDigit = false;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
            options.Lockout.AllowedForNewUsers = true;
            options.Lockout.MaxFailedAccessAttempts = 5;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        });
        services.AddScoped<IPasswordValidator<PortalUser>, PortalPasswordValidator>();
        // Authenticator (TOTP) codes, recovery codes and password-change tokens.
        new IdentityBuilder(typeof(PortalUser), typeof(IdentityRole), services).AddDefaultTokenProviders();
        // Password-reset links: short-lived, and single-use because a reset changes the security stamp they are bound to.
        services.Configure<DataProtectionTokenProviderOptions>(tokens => tokens.TokenLifespan = TimeSpan.FromHours(2));

        // Secure outside Development. Browsers treat http://localhost as secure, so the demo still works there.
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secure;
        });
        // The two-factor cookies (user id between password and code, "remember this browser") too.
        services.ConfigureAll<CookieAuthenticationOptions>(cookie =>
        {
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = secure;
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "CustomerPortal.Antiforgery";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            // SameAsRequest, not Always: antiforgery refuses to run at all on a plain-http request with
            // Always, which would break the http://localhost demo. The token is worthless without the
            // form field, and the sign-in cookie itself stays Secure.
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(tempData =>
        {
            tempData.Cookie.HttpOnly = true;
            tempData.Cookie.SameSite = SameSiteMode.Lax;
            tempData.Cookie.SecurePolicy = secure;
        });
        // Before AddRazorPages, whose TryAdd then keeps this one.
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, Delivery.TempDataCookie>();
        // Behind a reverse proxy the client's address (the per-IP limits below) and the https scheme (Secure
        // cookies) arrive in headers; only the listed proxies are believed. With none listed the middleware
        // is not used at all: ASP.NET Core would trust any sender once its loopback defaults are cleared.
        var proxies = portal.ListedProxies.Select(address => IPAddress.TryParse(address, out var ip) ? ip
            : throw new InvalidOperationException($"Portal:KnownProxies has '{address}', which is not an IP address.")).ToList();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            proxies.ForEach(forwarded.KnownProxies.Add);
        });

        services.AddSingleton<CredentialThrottle>();
        services.AddSingleton<TrustedDevice>();
        services.ConfigureApplicationCookie(cookie => cookie.Events.OnSignedIn = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<TrustedDevice>().Issue(context.HttpContext);
            return Task.CompletedTask;
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            // Only posts count: looking at the sign-in page is free, guessing is not. A browser that has
            // signed in before is counted on its own (TrustedDevice), not with everyone at its address.
            limiter.AddPolicy(CredentialsPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.RequestServices.GetRequiredService<TrustedDevice>().LimitPartitionOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, security.CredentialPostsPerIpPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("reading"));
        });

        return services;
    }
}
