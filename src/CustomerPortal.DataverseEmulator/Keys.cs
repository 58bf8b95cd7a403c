using System.Globalization;
using CustomerPortal.DualWrite;
using Microsoft.Data.Sqlite;

namespace CustomerPortal.DataverseEmulator;

// A key segment: "(guid)", "(accountid=guid)", an alternate key "(cdm_companycode='USMF')" or a compound one
// "(msdyn_salesordernumber='SO-1',_msdyn_company_value=guid)" (altkey). Only the alternate keys declared in the
// dual-write schema work, as only keys defined on the table work in Dataverse.
internal sealed class Keys(DualWriteTable table, List<(DualWriteColumn Column, object Value)> parts)
{
    public Guid? Id => parts is [{ Column.IsPrimaryKey: true, Value: Guid g }] ? g : null;

    // The key's column values, which an upsert through an alternate key writes into the record it creates.
    public IReadOnlyList<(DualWriteColumn Column, object Value)> Parts => parts;

    // The segment as the URL had it: OData-EntityId of an upsert by alternate key shows the key URL (upsert).
    public string Segment { get; private init; } = "";

    public static Keys Parse(DualWriteTable table, string segment)
    {
        if (Guid.TryParse(segment, out var id))
        {
            return ForId(table, id);
        }

        var parts = new List<(DualWriteColumn Column, object Value)>();
        foreach (var pair in ReadQuery.SplitTopLevel(segment, ','))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? "" : pair[..equals].Trim();
            var text = equals < 0 ? "" : pair[(equals + 1)..].Trim();
            // Lookup parts use the lookup property (_x_value); the logical name is accepted as well.
            var column = table.FindProperty(name) ?? table.FindColumn(name);
            if (column is null)
            {
                throw Invalid(table);
            }

            object? value = column.Type switch
            {
                ColumnType.UniqueIdentifier or ColumnType.Lookup => Guid.TryParse(text.Trim('\''), out var g) ? g : null,
                ColumnType.Text when text.Length >= 2 && text[0] == '\'' && text[^1] == '\'' => text[1..^1].Replace("''", "'", StringComparison.Ordinal),
                ColumnType.Choice or ColumnType.WholeNumber => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
                _ => null,
            };
            parts.Add((column, value ?? throw Invalid(table)));
        }

        var columns = parts.Select(p => p.Column).ToHashSet();
        var declared = (parts is [{ Column.IsPrimaryKey: true }]) || table.AlternateKeySets.Any(k => k.Count == columns.Count && k.All(columns.Contains));
        return declared && columns.Count == parts.Count ? new Keys(table, parts) { Segment = segment } : throw Invalid(table);
    }

    public static Keys ForId(DualWriteTable table, Guid id) => new(table, [(table.PrimaryKey, id)]) { Segment = id.ToString("D") };

    public string Condition(SqlParameters parameters) =>
        string.Join(" AND ", parts.Select(p => $"{Sql.Compared(p.Column)} = {Sql.CompareValue(p.Column, parameters.Add(Values.ToStore(p.Column, p.Value)))}"));

    // The record the key names, or null when there is none.
    public Row? Find(SqliteConnection connection)
    {
        var parameters = new SqlParameters();
        return QueryRunner.Select(connection, table, [Condition(parameters)], parameters, null, 1).SingleOrDefault();
    }

    public WebApiException NotFound() => Id is { } id
        ? WebApiException.NotFound(table, id)
        : new WebApiException(404, "0x80040217", $"A record with the specified key values does not exist in {table.LogicalName} entity");

    private static WebApiException Invalid(DualWriteTable table) => new(400, "0x80060888",
        $"The key in the request URI is not valid for resource '{table.TypeName()}'. Ensure that the names and number of key properties match the declared or alternate key properties for the resource '{table.TypeName()}'.");
}
