using System.Globalization;
using System.Text.Json;

namespace CustomerPortal.Data.Dataverse;

// Building OData query text; rows are read by DataverseRows.
internal static class ODataText
{
    // A string literal for $filter: quotes doubled; SQL-style wildcards that Dataverse honours inside
    // contains() are bracketed so "%" and "_" mean themselves, as they do on the SQLite mirror.
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string ContainsLiteral(string value) => Literal(value
        .Replace("[", "[[]", StringComparison.Ordinal)
        .Replace("%", "[%]", StringComparison.Ordinal)
        .Replace("_", "[_]", StringComparison.Ordinal));

    public static string Guid(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    public static string DateTime(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // Query options joined and escaped: each value is URL-encoded, names stay readable.
    public static string Query(string entitySet, params (string Name, string? Value)[] options) =>
        entitySet + "?" + string.Join("&", options.Where(o => !string.IsNullOrEmpty(o.Value))
            .Select(o => o.Name + "=" + Uri.EscapeDataString(o.Value!)));

    public static IEnumerable<JsonElement> Rows(this JsonElement page, string name = "value") =>
        page.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
}
