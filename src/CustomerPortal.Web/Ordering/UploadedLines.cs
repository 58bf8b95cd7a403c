using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CustomerPortal.Web.Ordering;

// The valid lines of an upload that was refused as a whole, carried by the report's "add the valid lines"
// form so the user need not send the file again. Protected for the signed-in user and the draft: the form
// cannot add other lines, nor add these to another draft; a token that does not open adds nothing.
public sealed class UploadedLines(IDataProtectionProvider protection)
{
    // 500 lines of item number and quantity, protected and encoded, stay far below this.
    private const int MaxTokenLength = 100_000;

    public string Protect(string userId, Guid draftId, IEnumerable<QuickEntryLine> lines) =>
        ProtectorFor(userId, draftId).Protect(string.Join('\n', lines.Select(l =>
            string.Join('\t', l.LineNumber.ToString(CultureInfo.InvariantCulture), l.ItemNumber, l.Quantity!.Value.ToString(CultureInfo.InvariantCulture)))));

    public IReadOnlyList<QuickEntryLine>? Unprotect(string userId, Guid draftId, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        string payload;
        try
        {
            payload = ProtectorFor(userId, draftId).Unprotect(token);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }

        var lines = new List<QuickEntryLine>();
        foreach (var fields in payload.Split('\n').Select(l => l.Split('\t')))
        {
            if (fields.Length != 3 || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out var row)
                || !decimal.TryParse(fields[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity))
            {
                return null;
            }

            lines.Add(new QuickEntryLine(row, fields[2], fields[1], quantity, null));
        }

        return lines;
    }

    private IDataProtector ProtectorFor(string userId, Guid draftId) =>
        protection.CreateProtector("CustomerPortal.Web.Ordering.UploadedLines.v1", userId, draftId.ToString("N", CultureInfo.InvariantCulture));
}
