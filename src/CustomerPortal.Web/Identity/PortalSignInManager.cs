using System.Security.Claims;
using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Identity;

// Every way in (password, two-step code, recovery code, invitation, and any added later) ends in
// SignInWithClaimsAsync: the session row is started there and its id goes into the cookie, so no path
// can issue a cookie without one (and a cookie without one is refused, see PortalSessions).
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    PortalSessionStore sessions,
    IOptionsMonitor<CookieAuthenticationOptions> cookies)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private bool _refreshing;

    public override async Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        var current = PortalSessions.IdOf(Context.User);
        Guid session;
        if (_refreshing && current is { } kept)
        {
            // A refresh after the user's own password or two-step change: the same session goes on with
            // the new stamp, while copies of the old cookie now carry a stamp that no longer matches.
            session = kept;
        }
        else
        {
            // A new sign-in replaces the cookie this browser had, so that session has no more use.
            if (current is { } replaced)
            {
                await sessions.EndAsync(replaced, CancellationToken.None);
            }

            var lifetime = cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
            session = await sessions.StartAsync(user.Id, lifetime, CancellationToken.None);
        }

        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims, new Claim(CustomerClaimTypes.SessionId, session.ToString())]);
    }

    public override async Task RefreshSignInAsync(PortalUser user)
    {
        _refreshing = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            _refreshing = false;
        }
    }

    // Deleting the row is what makes sign-out final: a copy of the cookie taken before is refused next.
    public override async Task SignOutAsync()
    {
        if (PortalSessions.IdOf(Context.User) is { } session)
        {
            await sessions.EndAsync(session, CancellationToken.None);
        }

        await base.SignOutAsync();
    }
}
