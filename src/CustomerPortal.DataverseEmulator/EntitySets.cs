using System.Reflection;
using CustomerPortal.DualWrite;

namespace CustomerPortal.DataverseEmulator;

// The Web API surface of the mirror, derived from the dual-write schema (CustomerPortal.DualWrite):
// entity set names, keys, lookups with their navigation properties, one-to-many navigations, alternate
// keys and choice labels all come from there, so the emulator serves exactly the tables the adapters use.
internal sealed class EntitySets
{
    private readonly Dictionary<string, EntitySet> _bySetName = new(StringComparer.Ordinal);

    public EntitySets()
    {
        foreach (var table in DualWriteSchema.Tables)
        {
            var columns = table.Columns.Select(c => new ColumnInfo(
                c.LogicalName,
                c.Type,
                !c.IsRequired,
                c.Property,
                c.IsLookupType,
                c.OptionLabels?.ToDictionary(l => (long)l.Key, l => l.Value))).ToList();
            var lookups = table.Lookups
                .Select(c => new LookupSpec(c.LogicalName, c.Lookup!.NavigationProperty, c.Lookup.Target.EntitySetName, c.Lookup.TypeColumn))
                .ToArray();
            _bySetName[table.EntitySetName] = new EntitySet(table, columns, lookups);
        }

        foreach (var table in DualWriteSchema.Tables)
        {
            foreach (var oneToMany in table.Collections)
            {
                _bySetName[table.EntitySetName].Collections[oneToMany.NavigationProperty] = new CollectionSpec(
                    oneToMany.NavigationProperty, oneToMany.Child.EntitySetName, oneToMany.ChildLookup(table).LogicalName, oneToMany.Property);
            }
        }
    }

    public IEnumerable<EntitySet> All => _bySetName.Values;

    public EntitySet? Find(string setName) => _bySetName.GetValueOrDefault(setName);

    public EntitySet Get(string setName) => _bySetName[setName];
}

internal sealed record LookupSpec(string Column, string Navigation, string TargetSet, string? TypeColumn = null)
{
    public string ValueProperty => "_" + Column + "_value";
}

internal sealed record CollectionSpec(string Navigation, string ChildSet, string ChildColumn, PropertyInfo Property);

internal sealed record ColumnInfo(string Name, ColumnType Type, bool Nullable, PropertyInfo Property, bool Hidden, Dictionary<long, string>? Labels);

internal sealed class EntitySet(DualWriteTable table, List<ColumnInfo> columns, LookupSpec[] lookups)
{
    public string Name { get; } = table.EntitySetName;

    public string LogicalName { get; } = table.LogicalName;

    public string Key { get; } = table.PrimaryKey.LogicalName;

    public string? PrimaryName { get; } = table.PrimaryName?.LogicalName;

    public Type RowType { get; } = table.RowType;

    public IReadOnlyList<ColumnInfo> Columns { get; } = columns;

    public IReadOnlyDictionary<string, ColumnInfo> ColumnsByName { get; } = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, LookupSpec> LookupsByColumn { get; } = lookups.ToDictionary(l => l.Column, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, LookupSpec> LookupsByNavigation { get; } = lookups.ToDictionary(l => l.Navigation, StringComparer.Ordinal);

    public Dictionary<string, CollectionSpec> Collections { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> AlternateKeys { get; } = [.. table.AlternateKeys.Select(c => c.LogicalName)];

    public string TypeName => "Microsoft.Dynamics.CRM." + LogicalName;

    // Resolves a property name as the Web API spells it: "_x_value" for lookups, the logical name otherwise.
    // Lookup columns are not addressable by their bare name, and the mirror's hidden "...type" columns not at all.
    public ColumnInfo? FindProperty(string name)
    {
        if (name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal))
        {
            var column = name[1..^"_value".Length];
            return LookupsByColumn.ContainsKey(column) ? ColumnsByName[column] : null;
        }

        return ColumnsByName.TryGetValue(name, out var info) && !info.Hidden && !LookupsByColumn.ContainsKey(name) ? info : null;
    }

    public string PropertyName(ColumnInfo column) => LookupsByColumn.ContainsKey(column.Name) ? "_" + column.Name + "_value" : column.Name;

    public IEnumerable<ColumnInfo> VisibleColumns => Columns.Where(c => !c.Hidden);
}
