using System.Globalization;
using System.Text.Json;
using CustomerPortal.Core;

namespace CustomerPortal.Data.Dataverse;

// Building OData query text and reading Web API JSON by hand (System.Text.Json, decimal money, DateOnly for Edm.Date).
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

    public static string? Str(this JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string Text(this JsonElement row, string name) => row.Str(name) ?? "";

    public static Guid? Id(this JsonElement row, string name) =>
        row.Str(name) is { } text && System.Guid.TryParse(text, out var id) ? id : null;

    public static decimal? Dec(this JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

    public static int? Int(this JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    public static bool Bool(this JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static DateOnly? Date(this JsonElement row, string name) =>
        row.Str(name) is { } text && DateOnly.TryParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;

    public static DateTime? Timestamp(this JsonElement row, string name) =>
        row.Str(name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime : null;

    public static string? Formatted(this JsonElement row, string name) => row.Str(name + "@" + DataverseWebApi.FormattedValue);

    public static JsonElement? Object(this JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static IEnumerable<JsonElement> Rows(this JsonElement page, string name = "value") =>
        page.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    public static Currency ToCurrency(this JsonElement currency) =>
        new(currency.Text("isocurrencycode"), currency.Text("currencysymbol"), currency.Int("currencyprecision") ?? 2);

    public static LegalEntity ToLegalEntity(this JsonElement company) =>
        new(company.Id("cdm_companyid") ?? default, company.Text("cdm_companycode"), company.Text("cdm_name"));

    public const string CurrencySelect = "transactioncurrencyid($select=isocurrencycode,currencysymbol,currencyprecision)";
    public const string CompanySelect = "msdyn_company($select=cdm_companyid,cdm_companycode,cdm_name)";
}
