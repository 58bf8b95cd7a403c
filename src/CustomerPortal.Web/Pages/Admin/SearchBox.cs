using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Admin;

// What _SearchBox shows; ReviewedRequest keeps the access request under review while searching its contact.
public sealed record SearchBox(LocalizedString Label, string? Search, LocalizedString? Placeholder = null, Guid? ReviewedRequest = null)
{
    // The longest search the admin pages accept.
    public const int MaxLength = 100;
}
