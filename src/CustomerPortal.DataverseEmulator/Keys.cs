using System.Globalization;
using CustomerPortal.DualWrite;

namespace CustomerPortal.DataverseEmulator;

// A key segment: "(guid)", "(accountid=guid)" or an alternate key "(cdm_companycode='USMF')" (altkey).
// Only the alternate keys declared in EntitySets work, as only keys defined on the table work in Dataverse.
internal sealed class Keys
{
    private readonly EntitySet _set;
    private readonly List<(ColumnInfo Column, object Value)> _parts;

    private Keys(EntitySet set, List<(ColumnInfo, object)> parts)
    {
        _set = set;
        _parts = parts;
    }

    public Guid? Id => _parts is [{ Column: var c, Value: Guid g }] && c.Name == _set.Key ? g : null;

    public static Keys Parse(EntitySet set, string segment)
    {
        if (Guid.TryParse(segment, out var id))
        {
            return new Keys(set, [(set.ColumnsByName[set.Key], id)]);
        }

        var parts = new List<(ColumnInfo, object)>();
        foreach (var pair in ReadQuery.SplitTopLevel(segment, ','))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? "" : pair[..equals].Trim();
            var text = equals < 0 ? "" : pair[(equals + 1)..].Trim();
            var column = set.ColumnsByName.GetValueOrDefault(name);
            if (column is null || (name != set.Key && !set.AlternateKeys.Contains(name)))
            {
                throw Invalid(set);
            }

            object? value = column.Type switch
            {
                ColumnType.UniqueIdentifier or ColumnType.Lookup => Guid.TryParse(text.Trim('\''), out var g) ? g : null,
                ColumnType.Text when text.Length >= 2 && text[0] == '\'' && text[^1] == '\'' => text[1..^1].Replace("''", "'", StringComparison.Ordinal),
                ColumnType.Choice or ColumnType.WholeNumber => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
                _ => null,
            };
            parts.Add((column, value ?? throw Invalid(set)));
        }

        return parts.Count > 0 ? new Keys(set, parts) : throw Invalid(set);
    }

    public string Condition(SqlParameters parameters) =>
        string.Join(" AND ", _parts.Select(p => $"{Sql.Compared(p.Column)} = {Sql.CompareValue(p.Column, parameters.Add(Values.ToStore(p.Column, p.Value)))}"));

    public WebApiException NotFound() => Id is { } id
        ? WebApiException.NotFound(_set, id)
        : new WebApiException(404, "0x80040217", $"A record with the specified key values does not exist in {_set.LogicalName} entity");

    private static WebApiException Invalid(EntitySet set) => new(400, "0x80060888",
        $"The key in the request URI is not valid for resource '{set.TypeName}'. Ensure that the names and number of key properties match the declared or alternate key properties for the resource '{set.TypeName}'.");
}
