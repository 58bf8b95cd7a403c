using System.Globalization;
using CustomerPortal.PortalStore.Invitations;
using CustomerPortal.Web.Localization;

namespace CustomerPortal.Web.Invitations;

// The language an invitation is written in. The dual-write contact has no language column (msdyn_language
// is the sales order's), so the inviter chooses it on the invitation form, which offers the portal's
// default language first; a value the portal does not speak (a tampered form) gets the default too.
public static class InvitationLanguage
{
    public static CultureInfo Default => PortalCultures.DefaultCulture;

    public static CultureInfo For(string? chosen) => PortalCultures.Find(chosen) ?? Default;

    public static CultureInfo Of(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return For(invitation.Culture);
    }
}
