using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CustomerPortal.Core;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Data.Dataverse;

// Web API JSON read into the dual-write row classes, the same classes the SQLite mirror maps, so both
// adapters hand the same rows to the same record mappings (CustomerPortal.DualWrite). Property names
// come from the schema: a column by its logical name, a lookup as _x_value, an expanded lookup by its
// navigation property, a one-to-many by its collection navigation. A column the server did not return
// is an error naming the table and column, never a silent default.
internal static class DataverseRows
{
    private static readonly JsonSerializerOptions Options = NewOptions();

    // Internal for the test that builds the rows' contracts in a chosen order.
    internal static JsonSerializerOptions NewOptions() => new()
    {
        TypeInfoResolver = DataverseRowsContext.Default.WithAddedModifier(NameBySchema),
    };

    // $select for a table: every column the schema knows, so every row property is filled.
    public static string Select<TRow>() => DualWriteSchema.Table<TRow>().Select;

    // An $expand item for a lookup's navigation property with all of the target's columns.
    public static string Expand<TRow>(string lookupColumn)
    {
        var lookup = DualWriteSchema.Table<TRow>().Column(lookupColumn).Lookup
            ?? throw new ArgumentException($"{lookupColumn} is not a lookup.", nameof(lookupColumn));
        return $"{lookup.NavigationProperty}($select={lookup.Target.Select})";
    }

    // An $expand item for a one-to-many navigation (order_details) with all of the child's columns, optionally
    // a $filter on the children and nested $expand items of theirs.
    public static string ExpandMany<TRow>(string navigationProperty, string? filter = null, IReadOnlyList<string>? expand = null)
    {
        var oneToMany = DualWriteSchema.Table<TRow>().Collections.Single(c => c.NavigationProperty == navigationProperty);
        return $"{navigationProperty}($select={oneToMany.Child.Select}"
            + (filter is null ? "" : $";$filter={filter}")
            + (expand is { Count: > 0 } ? $";$expand={string.Join(",", expand)}" : "")
            + ")";
    }

    // Every lookup the row class has a navigation property for, expanded with all its columns.
    public static string ExpandAll<TRow>() => string.Join(",", DualWriteSchema.Table<TRow>().Lookups
        .Where(c => c.Lookup!.Navigation is not null)
        .Select(c => $"{c.Lookup!.NavigationProperty}($select={c.Lookup.Target.Select})"));

    // The ownership rule (DualWrite.Ownership) as a $filter on the lookups' _x_value properties. withinParent:
    // for rows expanded from the record a condition reads through (an order's invoices), which the parent's
    // own filter has already checked; only the row's own columns are filtered.
    public static string OwnerFilter<TRow>(CustomerScope scope, bool withinParent = false) => string.Join(" and ",
        Ownership.Conditions(DualWriteSchema.Table<TRow>(), scope).Where(c => !withinParent || c.Through is null).Select(c =>
            $"{(c.Through is null ? "" : c.Through.Lookup!.NavigationProperty + "/")}{c.Column.WebApiName} eq {ODataText.Guid(c.Value)}"));

    public static TRow Read<TRow>(JsonElement row) where TRow : class
    {
        try
        {
            return row.Deserialize((JsonTypeInfo<TRow>)Options.GetTypeInfo(typeof(TRow)))
                ?? throw new JsonException($"Dataverse returned null for a {DualWriteSchema.Table<TRow>()} row.");
        }
        catch (JsonException ex)
        {
            throw new DataverseSchemaException(Describe(DualWriteSchema.Table<TRow>(), row) ?? ex.Message, ex);
        }
    }

    // A row as the Web API would return it: for tests that stand in for Dataverse.
    public static string Write<TRow>(TRow row) where TRow : class =>
        JsonSerializer.Serialize(row, (JsonTypeInfo<TRow>)Options.GetTypeInfo(typeof(TRow)));

    public static List<TRow> ReadAll<TRow>(JsonElement page) where TRow : class =>
        [.. page.Rows().Select(Read<TRow>)];

    // The rows of the first page only: for reads that expect a handful (one contact, one order).
    public static async Task<List<TRow>> RowsAsync<TRow>(this DataverseWebApi api, string url, CancellationToken cancellationToken) where TRow : class
    {
        using var page = await api.GetAsync(url, null, cancellationToken);
        return ReadAll<TRow>(page.RootElement);
    }

    // The rows of an expanded collection beyond its first page: a query with a nested $expand pages every expanded
    // collection and announces the rest with <nav>@odata.nextLink (which keeps the expansion's own options).
    public static async Task<List<TRow>> RestOfExpandedAsync<TRow>(this DataverseWebApi api, JsonElement parent, string navigationProperty, CancellationToken cancellationToken) where TRow : class =>
        parent.TryGetProperty(navigationProperty + "@odata.nextLink", out var next) && next.ValueKind == JsonValueKind.String
            ? await api.AllRowsAsync<TRow>(next.GetString()!, cancellationToken)
            : [];

    // Every row of a query, all pages (reference data and short lists only).
    public static async Task<List<TRow>> AllRowsAsync<TRow>(this DataverseWebApi api, string url, CancellationToken cancellationToken) where TRow : class =>
        [.. (await api.GetAllAsync(url, cancellationToken)).Select(Read<TRow>)];

    private static void NameBySchema(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || !IsRow(typeInfo.Type))
        {
            return;
        }

        var table = DualWriteSchema.Table(typeInfo.Type);
        var navigations = table.Lookups.Where(c => c.Lookup!.Navigation is not null)
            .ToDictionary(c => c.Lookup!.Navigation!, c => c.Lookup!.NavigationProperty, StringComparer.Ordinal);
        foreach (var property in typeInfo.Properties.ToList())
        {
            var member = (PropertyInfo)property.AttributeProvider!;
            var column = table.Columns.FirstOrDefault(c => c.Property.Name == member.Name);
            var oneToMany = table.Collections.FirstOrDefault(c => c.Property.Name == member.Name);
            if (column is { IsLookupType: false })
            {
                property.Name = column.WebApiName;
                property.IsRequired = true;
            }
            else if (navigations.TryGetValue(member.Name, out var navigationProperty))
            {
                property.Name = navigationProperty;
            }
            else if (oneToMany is not null)
            {
                property.Name = oneToMany.NavigationProperty;
            }
            else
            {
                // The mirror's hidden lookup-type columns have no Web API name.
                typeInfo.Properties.Remove(property);
            }
        }
    }

    private static bool IsRow(Type type) => DualWriteSchema.Tables.Any(t => t.RowType == type);

    // Which column is missing, found by walking the row and what was expanded into it.
    private static string? Describe(DualWriteTable table, JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (table.WebApiColumns.FirstOrDefault(c => !row.TryGetProperty(c.WebApiName, out _)) is { } missing)
        {
            return $"Dataverse returned a {table.LogicalName} row without the column {missing.WebApiName}.";
        }

        foreach (var lookup in table.Lookups.Select(c => c.Lookup!))
        {
            if (row.TryGetProperty(lookup.NavigationProperty, out var expanded) && Describe(lookup.Target, expanded) is { } inner)
            {
                return inner;
            }
        }

        foreach (var oneToMany in table.Collections)
        {
            if (row.TryGetProperty(oneToMany.NavigationProperty, out var children) && children.ValueKind == JsonValueKind.Array
                && children.EnumerateArray().Select(child => Describe(oneToMany.Child, child)).FirstOrDefault(d => d is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}

// The Web API answered with a shape the dual-write schema does not expect: a missing column, a
// value of the wrong type. A configuration or version problem, not something to retry.
internal sealed class DataverseSchemaException(string message, Exception innerException) : Exception(message, innerException);

// Metadata only, no generated fast-path writers: they write the C# property names, not NameBySchema's. System.Text.Json
// took a List<row>'s writer when the row's own contract was still being built as the list's was: with an invoice's
// contract built before any order's, every order's invoices were written with C# names for the rest of the process,
// and a test that read them back failed now and then (DataverseRowsTests builds the contracts in that order).
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(CompanyRow))]
[JsonSerializable(typeof(CurrencyRow))]
[JsonSerializable(typeof(UnitRow))]
[JsonSerializable(typeof(PriceListRow))]
[JsonSerializable(typeof(PriceListItemRow))]
[JsonSerializable(typeof(ProductRow))]
[JsonSerializable(typeof(AccountRow))]
[JsonSerializable(typeof(ContactRow))]
[JsonSerializable(typeof(SalesOrderRow))]
[JsonSerializable(typeof(SalesOrderLineRow))]
[JsonSerializable(typeof(ShipViaRow))]
[JsonSerializable(typeof(InvoiceRow))]
[JsonSerializable(typeof(InvoiceLineRow))]
internal sealed partial class DataverseRowsContext : JsonSerializerContext;
