using System.Globalization;
using System.Text.Json;
using CustomerPortal.DualWrite;

namespace CustomerPortal.DataverseEmulator;

// Values in three shapes: as SQLite stores them in the mirror (EF's SQLite conventions: GUIDs as upper-case
// text, decimals and dates as text, booleans and choices as integers), as typed literals from $filter or
// JSON bodies, and as the Web API writes them (section 3 of the reference).
internal static class Values
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Display = CultureInfo.GetCultureInfo("en-US");

    // A typed value (Guid, string, long, bool, decimal, DateTime UTC, DateOnly) -> the SQLite parameter value.
    public static object? ToStore(DualWriteColumn column, object? value) => value switch
    {
        null => null,
        Guid g => g.ToString("D").ToUpperInvariant(),
        // Decimals are compared through CAST(... AS REAL), see Sql.Operand.
        decimal d => (double)d,
        bool b => b ? 1L : 0L,
        DateTime t => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", Invariant),
        DateOnly d => d.ToString("yyyy-MM-dd", Invariant),
        _ when column.Type is ColumnType.Choice or ColumnType.WholeNumber => Convert.ToInt64(value, Invariant),
        _ => value,
    };

    // A raw SQLite value of the column -> the typed value.
    public static object? FromStore(DualWriteColumn column, object? raw)
    {
        if (raw is null or DBNull)
        {
            return null;
        }

        return column.Type switch
        {
            ColumnType.UniqueIdentifier or ColumnType.Lookup => raw is byte[] bytes ? new Guid(bytes) : Guid.Parse((string)raw),
            ColumnType.Text => (string)raw,
            ColumnType.TwoOptions => Convert.ToInt64(raw, Invariant) != 0,
            ColumnType.Money or ColumnType.DecimalNumber => raw is string s ? decimal.Parse(s, NumberStyles.Float, Invariant) : Convert.ToDecimal(raw, Invariant),
            ColumnType.DateTime => DateTime.SpecifyKind(DateTime.Parse((string)raw, Invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc),
            ColumnType.DateOnly => DateOnly.ParseExact((string)raw, "yyyy-MM-dd", Invariant),
            _ => Convert.ToInt64(raw, Invariant),
        };
    }

    // Writes a typed value as Dataverse does: lower-case GUIDs, money with 4 decimals ("20000.0000"),
    // Edm.DateTimeOffset in UTC with seconds and Z, Edm.Date as yyyy-MM-dd, choices as integers.
    public static void Write(Utf8JsonWriter json, DualWriteColumn column, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case Guid g: json.WriteStringValue(g.ToString("D")); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case decimal d when column.Type == ColumnType.Money: json.WriteRawValue(decimal.Round(d, 4).ToString("0.0000", Invariant)); break;
            case decimal d: json.WriteRawValue(decimal.Round(d, 5).ToString("0.00000", Invariant)); break;
            case DateTime t: json.WriteStringValue(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant)); break;
            case DateOnly d: json.WriteStringValue(d.ToString("yyyy-MM-dd", Invariant)); break;
            case long l: json.WriteNumberValue(l); break;
            default: throw new InvalidOperationException($"Cannot write {value.GetType()}.");
        }
    }

    // OData.Community.Display.V1.FormattedValue: choice labels, Yes/No, currency with symbol, dates in the
    // (application) user's format - en-US here.
    public static string? Formatted(DualWriteColumn column, object? value, string? currencySymbol) => value switch
    {
        null or string or Guid => null,
        bool b => b ? "Yes" : "No",
        decimal d when column.Type == ColumnType.Money => (currencySymbol ?? "") + d.ToString("N2", Display),
        decimal d => d.ToString("N2", Display),
        DateTime t => t.ToString("M/d/yyyy h:mm tt", Display),
        DateOnly d => d.ToString("M/d/yyyy", Display),
        long l when l is >= int.MinValue and <= int.MaxValue && column.OptionLabels?.GetValueOrDefault((int)l) is { } label => label,
        long l => l.ToString("N0", Display),
        _ => null,
    };

    // A JSON body value -> the typed value of the column (create/update).
    public static object? FromJson(DualWriteTable table, DualWriteColumn column, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return !column.IsRequired ? null : throw WebApiException.BadPayload(table, $"A null value was found for the property named '{column.LogicalName}', which has the expected type 'Edm.{EdmType(column)}[Nullable=False]'.");
        }

        try
        {
            return column.Type switch
            {
                ColumnType.Text => element.GetString(),
                ColumnType.UniqueIdentifier or ColumnType.Lookup => Guid.Parse(element.GetString()!),
                ColumnType.TwoOptions => element.GetBoolean(),
                ColumnType.Money or ColumnType.DecimalNumber => element.GetDecimal(),
                ColumnType.DateTime => DateTimeOffset.Parse(element.GetString()!, Invariant).UtcDateTime,
                ColumnType.DateOnly => DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", Invariant),
                _ => element.GetInt64(),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentNullException)
        {
            throw WebApiException.BadPayload(table, $"Cannot convert the literal '{element.GetRawText()}' to the expected type 'Edm.{EdmType(column)}'.");
        }
    }

    public static string EdmType(DualWriteColumn column) => column.Type switch
    {
        ColumnType.Text => "String",
        ColumnType.UniqueIdentifier or ColumnType.Lookup => "Guid",
        ColumnType.TwoOptions => "Boolean",
        ColumnType.Money or ColumnType.DecimalNumber => "Decimal",
        ColumnType.DateTime => "DateTimeOffset",
        ColumnType.DateOnly => "Date",
        _ => "Int32",
    };
}
