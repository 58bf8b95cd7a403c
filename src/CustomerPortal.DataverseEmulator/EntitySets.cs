using CustomerPortal.Data.Sqlite.Mirror;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerPortal.DataverseEmulator;

// The Web API surface of the mirror. Tables, columns and their types come from the EF model of the
// mirror (column names are Dataverse logical names); what EF cannot know - entity set names, which
// column is a lookup, its navigation property name and target, choice labels - is in this one map.
internal sealed class EntitySets
{
    // Lookup columns per table: column -> (single-valued navigation property, target entity set).
    // Polymorphic Customer lookups name the nav after the target (customerid_account), as Dataverse does;
    // the mirror keeps the target type in a hidden "...type" column.
    private static readonly Dictionary<string, (string Table, string Set, string? PrimaryName, LookupSpec[] Lookups, string[] AlternateKeys)> Map = new()
    {
        ["salesorder"] = ("salesorder", "salesorders", "name",
        [
            new("customerid", "customerid_account", "accounts", "customeridtype"),
            new("msdyn_invoicecustomerid", "msdyn_invoicecustomerid_account", "accounts"),
            new("msdyn_company", "msdyn_company", "cdm_companies"),
            new("msdyn_contactperson", "msdyn_contactperson", "contacts"),
            new("pricelevelid", "pricelevelid", "pricelevels"),
            new("transactioncurrencyid", "transactioncurrencyid", "transactioncurrencies"),
        ], []),
        ["salesorderdetail"] = ("salesorderdetail", "salesorderdetails", "salesorderdetailname",
        [
            new("salesorderid", "salesorderid", "salesorders"),
            new("msdyn_company", "msdyn_company", "cdm_companies"),
            new("productid", "productid", "products"),
            new("uomid", "uomid", "uoms"),
            new("transactioncurrencyid", "transactioncurrencyid", "transactioncurrencies"),
        ], []),
        ["account"] = ("account", "accounts", "name",
        [
            new("msdyn_company", "msdyn_company", "cdm_companies"),
            new("transactioncurrencyid", "transactioncurrencyid", "transactioncurrencies"),
            new("defaultpricelevelid", "defaultpricelevelid", "pricelevels"),
        ], []),
        ["contact"] = ("contact", "contacts", "fullname",
        [
            new("parentcustomerid", "parentcustomerid_account", "accounts", "parentcustomeridtype"),
            new("msdyn_company", "msdyn_company", "cdm_companies"),
            new("defaultpricelevelid", "defaultpricelevelid", "pricelevels"),
            new("transactioncurrencyid", "transactioncurrencyid", "transactioncurrencies"),
        ], []),
        ["product"] = ("product", "products", "name",
        [
            new("defaultuomid", "defaultuomid", "uoms"),
            new("pricelevelid", "pricelevelid", "pricelevels"),
            new("transactioncurrencyid", "transactioncurrencyid", "transactioncurrencies"),
        ], ["msdyn_productnumber"]),
        ["cdm_company"] = ("cdm_company", "cdm_companies", "cdm_name", [], ["cdm_companycode"]),
        ["transactioncurrency"] = ("transactioncurrency", "transactioncurrencies", "currencyname", [], ["isocurrencycode"]),
        ["pricelevel"] = ("pricelevel", "pricelevels", "name",
        [
            new("transactioncurrencyid", "transactioncurrencyid", "transactioncurrencies"),
        ], []),
        ["productpricelevel"] = ("productpricelevel", "productpricelevels", null,
        [
            new("pricelevelid", "pricelevelid", "pricelevels"),
            new("productid", "productid", "products"),
            new("uomid", "uomid", "uoms"),
            new("transactioncurrencyid", "transactioncurrencyid", "transactioncurrencies"),
        ], []),
        ["uom"] = ("uom", "uoms", "name", [], ["msdyn_symbol"]),
    };

    // Collection-valued navigation properties (1:N). order_details is the documented name (ref-so).
    private static readonly (string Parent, string Navigation, string Child, string ChildColumn)[] Collections =
    [
        ("salesorders", "order_details", "salesorderdetails", "salesorderid"),
    ];

    // Decimal columns that are Dataverse Decimal, not Money (no currency, no _base twin).
    private static readonly HashSet<string> PlainDecimals = ["quantity", "exchangerate"];

    // Choice labels for FormattedValue annotations (values from the salesorder/salesorderdetail/product references).
    private static readonly Dictionary<string, Dictionary<long, string>> Labels = new()
    {
        ["salesorder.statecode"] = new() { [0] = "Active", [1] = "Submitted", [2] = "Canceled", [3] = "Fulfilled", [4] = "Invoiced" },
        ["salesorder.statuscode"] = new() { [1] = "New", [2] = "Pending", [3] = "In Progress", [4] = "No Money", [100001] = "Complete", [100002] = "Partial", [100003] = "Invoiced" },
        ["salesorder.msdyn_processingstatus"] = new()
        {
            [192350000] = "Active", [192350001] = "Confirmed", [192350002] = "Picked", [192350003] = "Partially Delivered",
            [192350004] = "Delivered", [192350005] = "Invoiced", [192350006] = "Partially Invoiced", [192350007] = "Canceled",
            [192350008] = "Delivered And Partially Invoiced",
        },
        ["salesorder.msdyn_ordertype"] = new() { [192350000] = "Item based" },
        ["salesorder.msdyn_language"] = new() { [192350015] = "en-us" },
        ["salesorderdetail.msdyn_linestatus"] = new() { [192350000] = "None", [192350001] = "Backorder", [192350002] = "Delivered", [192350003] = "Invoiced", [192350004] = "Canceled" },
        ["account.msdyn_onholdstatus"] = new() { [806380000] = "No", [806380001] = "Invoice", [806380002] = "All", [806380003] = "Payment", [806380004] = "Requisition", [806380005] = "Never" },
        ["account.customertypecode"] = new() { [3] = "Customer" },
        ["account.statecode"] = new() { [0] = "Active", [1] = "Inactive" },
        ["contact.statecode"] = new() { [0] = "Active", [1] = "Inactive" },
        ["pricelevel.statecode"] = new() { [0] = "Active", [1] = "Inactive" },
        ["product.statecode"] = new() { [0] = "Active", [1] = "Retired", [2] = "Draft", [3] = "Under Revision" },
        ["product.statuscode"] = new() { [0] = "Draft", [1] = "Active", [2] = "Retired", [3] = "Under Revision" },
        ["product.producttypecode"] = new() { [1] = "Sales Inventory", [3] = "Services" },
        ["product.productstructure"] = new() { [1] = "Product", [2] = "Product Family", [3] = "Product Bundle" },
    };

    // Plain whole numbers (no choice): their formatted value is the number.
    private static readonly HashSet<string> WholeNumbers = ["quantitydecimal", "sequencenumber", "lineitemnumber", "currencyprecision"];

    private readonly Dictionary<string, EntitySet> _bySetName = new(StringComparer.Ordinal);

    public EntitySets(MirrorDbContext db)
    {
        foreach (var entityType in db.Model.GetEntityTypes())
        {
            var table = entityType.GetTableName()!;
            if (!Map.TryGetValue(table, out var spec))
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
            var typeColumns = spec.Lookups.Where(l => l.TypeColumn is not null).Select(l => l.TypeColumn!).ToHashSet();
            var columns = new List<ColumnInfo>();
            foreach (var property in entityType.GetProperties())
            {
                var name = property.GetColumnName(store)!;
                var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                var kind = clr == typeof(string) ? ColumnKind.String
                    : clr == typeof(Guid) ? ColumnKind.Guid
                    : clr == typeof(bool) ? ColumnKind.Boolean
                    : clr == typeof(decimal) ? (PlainDecimals.Contains(name) ? ColumnKind.Decimal : ColumnKind.Money)
                    : clr == typeof(DateTime) ? ColumnKind.DateTime
                    : clr == typeof(DateOnly) ? ColumnKind.Date
                    : clr == typeof(int) || clr == typeof(long) || clr.IsEnum ? (WholeNumbers.Contains(name) ? ColumnKind.WholeNumber : ColumnKind.Choice)
                    : throw new InvalidOperationException($"No Web API type for {table}.{name} ({clr}).");
                Labels.TryGetValue(table + "." + name, out var labels);
                columns.Add(new ColumnInfo(name, kind, property.IsNullable, property, typeColumns.Contains(name), labels));
            }

            var key = entityType.FindPrimaryKey()!.Properties.Single().GetColumnName(store)!;
            _bySetName[spec.Set] = new EntitySet(spec.Set, table, key, spec.PrimaryName, entityType, columns, spec.Lookups, spec.AlternateKeys);
        }

        foreach (var (parent, navigation, child, childColumn) in Collections)
        {
            _bySetName[parent].Collections[navigation] = new CollectionSpec(navigation, child, childColumn);
        }
    }

    public IEnumerable<EntitySet> All => _bySetName.Values;

    public EntitySet? Find(string setName) => _bySetName.GetValueOrDefault(setName);

    public EntitySet Get(string setName) => _bySetName[setName];
}

internal enum ColumnKind { String, Guid, Boolean, Money, Decimal, DateTime, Date, Choice, WholeNumber }

internal sealed record LookupSpec(string Column, string Navigation, string TargetSet, string? TypeColumn = null)
{
    public string ValueProperty => "_" + Column + "_value";
}

internal sealed record CollectionSpec(string Navigation, string ChildSet, string ChildColumn);

internal sealed record ColumnInfo(string Name, ColumnKind Kind, bool Nullable, IProperty Property, bool Hidden, Dictionary<long, string>? Labels);

internal sealed class EntitySet
{
    public EntitySet(string name, string table, string key, string? primaryName, IEntityType entityType, List<ColumnInfo> columns, LookupSpec[] lookups, string[] alternateKeys)
    {
        Name = name;
        LogicalName = table;
        Key = key;
        PrimaryName = primaryName;
        EntityType = entityType;
        Columns = columns;
        ColumnsByName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        LookupsByColumn = lookups.ToDictionary(l => l.Column, StringComparer.Ordinal);
        LookupsByNavigation = lookups.ToDictionary(l => l.Navigation, StringComparer.Ordinal);
        AlternateKeys = alternateKeys;
    }

    public string Name { get; }

    public string LogicalName { get; }

    public string Key { get; }

    public string? PrimaryName { get; }

    public IEntityType EntityType { get; }

    public IReadOnlyList<ColumnInfo> Columns { get; }

    public IReadOnlyDictionary<string, ColumnInfo> ColumnsByName { get; }

    public IReadOnlyDictionary<string, LookupSpec> LookupsByColumn { get; }

    public IReadOnlyDictionary<string, LookupSpec> LookupsByNavigation { get; }

    public Dictionary<string, CollectionSpec> Collections { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> AlternateKeys { get; }

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
