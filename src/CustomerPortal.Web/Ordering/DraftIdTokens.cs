using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CustomerPortal.Web.Ordering;

// The id of a draft not saved yet, and so the salesorderid its order will have, is chosen by the server
// when the order information form is shown; the form carries it only as an opaque token protected for
// the signed-in user and their customer account. Posting the form twice names one draft, and no id a
// browser makes up (another customer's order's, say) ever becomes a draft. A token that does not open,
// whether tampered with, another user's or account's, or from a key no longer kept, is a fresh form.
public sealed class DraftIdTokens(IDataProtectionProvider protection)
{
    // Far longer than any token this class issues: a longer value is not worth decrypting.
    private const int MaxTokenLength = 1024;

    public string Protect(string userId, Guid accountId, Guid draftId) =>
        ProtectorFor(userId, accountId).Protect(draftId.ToString("N", CultureInfo.InvariantCulture));

    // The id the token was issued with for this user and account; null for any other token.
    public Guid? Unprotect(string userId, Guid accountId, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        string payload;
        try
        {
            payload = ProtectorFor(userId, accountId).Unprotect(token);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }

        return Guid.TryParseExact(payload, "N", out var draftId) && draftId != Guid.Empty ? draftId : null;
    }

    private IDataProtector ProtectorFor(string userId, Guid accountId) =>
        protection.CreateProtector("CustomerPortal.Web.Ordering.DraftId.v1", userId, accountId.ToString("N", CultureInfo.InvariantCulture));
}
