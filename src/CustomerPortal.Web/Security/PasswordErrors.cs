using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Security;

// Identity's own password messages are English only; ours are resources.
public static class PasswordErrors
{
    public static string Describe(IdentityError error, IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(localizer);
        return error.Code switch
        {
            "PasswordTooShort" => localizer["Password.TooShort", 12],
            "PasswordRequiresUniqueChars" => localizer["Password.UniqueChars", 5],
            "PasswordMismatch" => localizer["Manage.WrongPassword"],
            _ => error.Description,
        };
    }
}
