using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Linq.Expressions;
using System.Reflection;

namespace CustomerPortal.DualWrite;

// Every dual-write table the portal reads or writes, described once from the row classes beside it:
// every class with a [Table] attribute in this project. A new column is one property there; a new
// table is one row class.
public static class DualWriteSchema
{
    private static readonly FrozenDictionary<Type, DualWriteTable> ByRow = typeof(DualWriteSchema).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<TableAttribute>() is not null)
        .ToFrozenDictionary(t => t, Describe);

    public static IReadOnlyList<DualWriteTable> Tables { get; } = [.. ByRow.Values.OrderBy(t => t.LogicalName, StringComparer.Ordinal)];

    public static DualWriteTable Table<TRow>() => Table(typeof(TRow));

    public static DualWriteTable Table(Type rowType) => ByRow.TryGetValue(rowType, out var table)
        ? table
        : throw new ArgumentException($"{rowType.Name} is not a dual-write row class.", nameof(rowType));

    public static DualWriteTable? FindByEntitySet(string entitySetName) =>
        Tables.FirstOrDefault(t => t.EntitySetName == entitySetName);

    private static DualWriteTable Describe(Type row)
    {
        var logicalName = row.GetCustomAttribute<TableAttribute>()?.Name
            ?? throw new InvalidOperationException($"{row.Name} has no [Table].");
        var entitySet = row.GetCustomAttribute<EntitySetAttribute>()?.Name
            ?? throw new InvalidOperationException($"{row.Name} has no [EntitySet].");

        var typeColumns = row.GetProperties()
            .Select(p => p.GetCustomAttribute<LookupAttribute>()?.TypeColumn)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        var columns = new List<DualWriteColumn>();
        var collections = new List<DualWriteOneToMany>();
        foreach (var property in row.GetProperties())
        {
            if (property.GetCustomAttribute<ColumnAttribute>()?.Name is { } name)
            {
                var lookup = property.GetCustomAttribute<LookupAttribute>();
                columns.Add(new DualWriteColumn(
                    name,
                    property,
                    TypeOf(logicalName, name, property, lookup),
                    property.GetCustomAttribute<KeyAttribute>() is not null,
                    property.GetCustomAttribute<MaxLengthAttribute>()?.Length,
                    IsRequired(property),
                    lookup is null ? null : new DualWriteLookup(lookup.Target, lookup.NavigationProperty, lookup.TypeColumn, lookup.Navigation),
                    typeColumns.Contains(name),
                    property.GetCustomAttribute<PrimaryNameAttribute>() is not null,
                    property.GetCustomAttribute<AlternateKeyAttribute>() is not null,
                    OptionSets.LabelsOf(logicalName, name)));
            }
            else if (property.GetCustomAttribute<OneToManyAttribute>() is { } oneToMany)
            {
                var child = property.PropertyType.GetGenericArguments().Single();
                collections.Add(new DualWriteOneToMany(oneToMany.NavigationProperty, property, child, oneToMany.Parental));
            }
        }

        var owner = row.GetCustomAttribute<CustomerOwnedAttribute>();
        var through = owner?.ContactPersonThrough is { } via ? columns.Single(c => c.LogicalName == via) : null;
        var owners = owner is null ? null : new CustomerOwnership(
            columns.Single(c => c.LogicalName == owner.AccountColumn),
            columns.Single(c => c.LogicalName == owner.CompanyColumn),
            owner.ContactPersonColumn is null ? null
                : through is null ? columns.Single(c => c.LogicalName == owner.ContactPersonColumn)
                : ContactPersonOf(through, owner.ContactPersonColumn),
            through);
        return new DualWriteTable(logicalName, entitySet, row, columns, collections, owners);
    }

    // The contact person column of the row a lookup points to; read from the target's attributes, not its
    // DualWriteTable, because the target may still be being described.
    private static DualWriteColumn ContactPersonOf(DualWriteColumn through, string column)
    {
        var target = through.Lookup!.TargetRow;
        var property = target.GetProperties().Single(p => p.GetCustomAttribute<ColumnAttribute>()?.Name == column);
        var lookup = property.GetCustomAttribute<LookupAttribute>();
        var table = target.GetCustomAttribute<TableAttribute>()!.Name;
        return new DualWriteColumn(column, property, TypeOf(table, column, property, lookup), false, null, IsRequired(property),
            lookup is null ? null : new DualWriteLookup(lookup.Target, lookup.NavigationProperty, lookup.TypeColumn, lookup.Navigation),
            false, false, false, null);
    }

    private static ColumnType TypeOf(string table, string column, PropertyInfo property, LookupAttribute? lookup)
    {
        if (lookup is not null)
        {
            return ColumnType.Lookup;
        }

        if (property.GetCustomAttribute<DataverseTypeAttribute>() is { } explicitType)
        {
            return explicitType.Type;
        }

        var clr = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return clr == typeof(string) ? ColumnType.Text
            : clr == typeof(Guid) ? ColumnType.UniqueIdentifier
            : clr == typeof(bool) ? ColumnType.TwoOptions
            : clr == typeof(decimal) ? ColumnType.Money
            : clr == typeof(DateTime) ? ColumnType.DateTime
            : clr == typeof(DateOnly) ? ColumnType.DateOnly
            : clr.IsEnum || OptionSets.LabelsOf(table, column) is not null ? ColumnType.Choice
            : clr == typeof(int) ? ColumnType.WholeNumber
            : throw new InvalidOperationException($"No Dataverse type for {table}.{column} ({clr.Name}).");
    }

    // Value types are always present; reference types when they are not nullable-annotated.
    private static bool IsRequired(PropertyInfo property) =>
        property.GetCustomAttribute<RequiredAttribute>() is not null
        || (property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is null
            : new NullabilityInfoContext().Create(property).ReadState == NullabilityState.NotNull);
}

// Owner is null for tables that no customer owns (products, price lists, …).
public sealed record DualWriteTable(string LogicalName, string EntitySetName, Type RowType, IReadOnlyList<DualWriteColumn> Columns,
    IReadOnlyList<DualWriteOneToMany> Collections, CustomerOwnership? Owner)
{
    public DualWriteColumn PrimaryKey { get; } = Columns.Single(c => c.IsPrimaryKey);

    public DualWriteColumn? PrimaryName { get; } = Columns.SingleOrDefault(c => c.IsPrimaryName);

    // Columns the Web API shows: every column but the mirror's hidden lookup-type columns.
    public IEnumerable<DualWriteColumn> WebApiColumns => Columns.Where(c => !c.IsLookupType);

    public IEnumerable<DualWriteColumn> Lookups => Columns.Where(c => c.Lookup is not null);

    public IEnumerable<DualWriteColumn> AlternateKeys => Columns.Where(c => c.IsAlternateKey);

    // Every alternate key as its set of columns: one per [AlternateKey] column, then the compound keys.
    public IReadOnlyList<IReadOnlyList<DualWriteColumn>> AlternateKeySets { get; } =
    [
        .. Columns.Where(c => c.IsAlternateKey).Select(c => (IReadOnlyList<DualWriteColumn>)[c]),
        .. RowType.GetCustomAttributes<CompoundAlternateKeyAttribute>().Select(k => (IReadOnlyList<DualWriteColumn>)[.. k.Columns.Select(name => Columns.Single(c => c.LogicalName == name))]),
    ];

    public DualWriteColumn Column(string logicalName) => ByLogicalName.TryGetValue(logicalName, out var column)
        ? column
        : throw new ArgumentException($"{LogicalName} has no column {logicalName}.", nameof(logicalName));

    public DualWriteColumn? FindColumn(string logicalName) => ByLogicalName.GetValueOrDefault(logicalName);

    // The column behind a property of the row class (o => o.CreatedOn is createdon).
    public DualWriteColumn ColumnOf(LambdaExpression property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var body = property.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : property.Body;
        return body is MemberExpression { Member: PropertyInfo member } && Columns.FirstOrDefault(c => c.Property.Name == member.Name) is { } column
            ? column
            : throw new ArgumentException($"{property} is not a column of {LogicalName}.", nameof(property));
    }

    // The Web API's $select list for this table: lookups by their _x_value name.
    public string Select => string.Join(",", WebApiColumns.Select(c => c.WebApiName));

    public override string ToString() => LogicalName;

    private FrozenDictionary<string, DualWriteColumn> ByLogicalName { get; } = Columns.ToFrozenDictionary(c => c.LogicalName, StringComparer.Ordinal);
}

public sealed record DualWriteColumn(
    string LogicalName,
    PropertyInfo Property,
    ColumnType Type,
    bool IsPrimaryKey,
    int? MaxLength,
    bool IsRequired,
    DualWriteLookup? Lookup,
    bool IsLookupType,
    bool IsPrimaryName,
    bool IsAlternateKey,
    IReadOnlyDictionary<int, string>? OptionLabels)
{
    // How the Web API names the column in JSON: lookups are read as _x_value.
    public string WebApiName => Lookup is null ? LogicalName : "_" + LogicalName + "_value";

    public override string ToString() => LogicalName;
}

public sealed record DualWriteLookup(Type TargetRow, string NavigationProperty, string? TypeColumn, string? Navigation)
{
    public DualWriteTable Target => DualWriteSchema.Table(TargetRow);
}

public sealed record DualWriteOneToMany(string NavigationProperty, PropertyInfo Property, Type ChildRow, bool Parental = true)
{
    public DualWriteTable Child => DualWriteSchema.Table(ChildRow);

    // The child's lookup back to the parent (salesorderdetail.salesorderid for order_details).
    public DualWriteColumn ChildLookup(DualWriteTable parent) =>
        Child.Lookups.Single(c => c.Lookup!.TargetRow == parent.RowType);
}

// Which lookups make a row a customer's (see CustomerOwnedAttribute). When Through is set, ContactPerson
// is a column of the row Through points to, not of this one.
public sealed record CustomerOwnership(DualWriteColumn Account, DualWriteColumn Company, DualWriteColumn? ContactPerson,
    DualWriteColumn? Through = null);
