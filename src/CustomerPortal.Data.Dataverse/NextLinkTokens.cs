using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CustomerPortal.Data.Dataverse;

// The Dataverse side of a continuation token: the server's @odata.nextLink, followed verbatim, wrapped
// so the browser can neither read nor change it. The protected payload also names the query it belongs
// to (scope, filters, sort, page size) and the link must point at our environment's entity set: a
// tampered, foreign or stale token starts again from the first page, as on the SQLite mirror.
internal sealed class NextLinkTokens(IDataProtectionProvider protection, DataverseConnection connection)
{
    private const int MaxTokenLength = 8192;
    private readonly IDataProtector _protector = protection.CreateProtector("CustomerPortal.Data.Dataverse.NextLink.v1");

    public string Protect(string query, string nextLink) => _protector.Protect(query + "\n" + nextLink);

    public string? Unprotect(string? token, string query, string entitySet)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var separator = payload.IndexOf('\n', StringComparison.Ordinal);
        if (separator < 0 || payload[..separator] != query)
        {
            return null;
        }

        var link = payload[(separator + 1)..];
        var expected = new Uri(connection.WebApiBase, entitySet);
        return Uri.TryCreate(link, UriKind.Absolute, out var uri)
            && Uri.Compare(uri, expected, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? link
            : null;
    }
}
