using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CustomerPortal.Data.Sqlite;

// The SQLite side of a continuation token: the sort key and order number of the last row shown,
// so the next page starts strictly after it. The token is opaque to pages; a tampered or stale one
// just starts again from the first page, and grants nothing because the scope is applied regardless.
internal static class KeysetToken
{
    private const string Version = "k1";

    public static string Create(string sort, string key, string tieBreaker) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', Version, sort, key, tieBreaker)));

    public static bool TryRead(string? token, string expectedSort, out string key, out string tieBreaker)
    {
        key = tieBreaker = "";
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return false;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
            if (parts.Length != 4 || parts[0] != Version || parts[1] != expectedSort)
            {
                return false;
            }

            (key, tieBreaker) = (parts[2], parts[3]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string FromTicks(DateTime value) => value.Ticks.ToString(CultureInfo.InvariantCulture);

    // A date key: yyyy-MM-dd, or empty for no date.
    public static string FromDate(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static DateOnly? ToDate(string key) =>
        DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static DateTime? ToDateTime(string key) =>
        long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
        && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : null;
}
