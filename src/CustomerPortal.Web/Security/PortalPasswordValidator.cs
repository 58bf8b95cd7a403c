using System.Reflection;
using CustomerPortal.PortalStore;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Security;

// Length is Identity's RequiredLength (12). On top of it, the offline checks that catch what attackers
// try first: the person's own e-mail or name, and the common passwords in common-passwords.txt, also
// when decorated with digits and symbols ("Password2026!" is "password").
public sealed class PortalPasswordValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<PortalUser>
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lowered = password.ToLowerInvariant();
        var errors = new List<IdentityError>();
        if (PersonalWords(user).Any(word => lowered.Contains(word, StringComparison.Ordinal)))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsPersonalData", Description = localizer["Password.ContainsPersonalData"] });
        }

        if (IsCommon(lowered))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = localizer["Password.TooCommon"] });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string lowered)
    {
        var letters = new string([.. lowered.Where(char.IsLetter)]);
        var words = CommonPasswords.Value;
        return words.Contains(lowered) || words.Contains(letters)
            || (letters.Length > 0 && letters.Distinct().Count() <= 2);
    }

    private static IEnumerable<string> PersonalWords(PortalUser user)
    {
        var candidates = new List<string?> { user.Email, user.UserName, user.Email?.Split('@')[0] };
        candidates.AddRange(user.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return candidates
            .Where(word => word is { Length: >= 4 })
            .Select(word => word!.ToLowerInvariant());
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CustomerPortal.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words;
    }
}
