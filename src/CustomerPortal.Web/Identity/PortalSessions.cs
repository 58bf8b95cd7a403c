using System.Security.Claims;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.PortalStore.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Identity;

// The per-request half of server-side sessions (PortalSignInManager is the sign-in and sign-out half).
public static partial class PortalSessions
{
    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(CustomerClaimTypes.SessionId), out var id) ? id : null;

    // The version of the user's drafts the session check read for this request; null without a checked session.
    public static DraftsVersion? DraftsVersionOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<CheckedSession>()?.DraftsVersion;
    }

    // Runs first on every request that carries the sign-in cookie: one query by primary key in the shared
    // store, uncached, so sign-out, a changed security stamp or a disabled user takes effect on every instance
    // at the next request. Identity's stamp validator still runs after it, to refresh the claims every few minutes.
    public static Func<CookieValidatePrincipalContext, Task> CheckBefore(Func<CookieValidatePrincipalContext, Task> identityCheck) =>
        async context =>
        {
            var check = await CheckAsync(context);
            if (check.State == SessionState.Current)
            {
                context.HttpContext.Features.Set(new CheckedSession(check.DraftsVersion));
                if (IdentityCheckIsDue(context))
                {
                    await identityCheck(context);
                }

                return;
            }

            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalSessions).FullName!);
            LogSessionRefused(logger, check.State);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        };

    // Identity's stamp validator does nothing until ValidationInterval has passed since the cookie was issued, but
    // building it costs a SignInManager, a UserManager and their dependencies on every request (issue 16): the same
    // test as its own, made before it is resolved. The session check above has already compared the stamp.
    private static bool IdentityCheckIsDue(CookieValidatePrincipalContext context)
    {
        if (context.Properties.IssuedUtc is not { } issued)
        {
            return true;
        }

        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return now - issued > options.ValidationInterval;
    }

    // Identity's stamp validator rebuilds the principal from the user alone; the session id must survive it.
    public static Task KeepSessionId(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CurrentPrincipal?.FindFirst(CustomerClaimTypes.SessionId) is { } session
            && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(session.Type, session.Value));
        }

        return Task.CompletedTask;
    }

    private static async Task<SessionCheck> CheckAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claimTypes = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal;
        if (IdOf(principal) is not { } session || principal?.FindFirstValue(claimTypes.UserIdClaimType) is not { } userId)
        {
            return new SessionCheck(SessionState.Ended, default);
        }

        // A scope of its own, so the store's pooled context goes back to the pool when the check is done rather than
        // when the request ends: the pool then holds about as many contexts (each an open SQLite connection with its
        // page cache and statements) as checks run at once, not as many as requests are open. Under the benchmark's
        // 64 connections it had grown to 64 (issue 16: peak memory).
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalSessionStore>().CheckAsync(
            session, userId, principal.FindFirstValue(claimTypes.SecurityStampClaimType), context.HttpContext.RequestAborted);
    }

    // Information, not a warning: a signed-out tab or a changed password produces it routinely. Without the
    // path: it is the client's to choose, and the log must not grow with what a client sends.
    [LoggerMessage(Level = LogLevel.Information, Message = "A sign-in cookie was refused: {State}.")]
    private static partial void LogSessionRefused(ILogger logger, SessionState state);

    private sealed record CheckedSession(DraftsVersion DraftsVersion);
}
