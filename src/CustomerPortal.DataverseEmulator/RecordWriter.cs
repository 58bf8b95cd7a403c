using System.Collections.Concurrent;
using System.Text.Json;
using CustomerPortal.DualWrite;
using Microsoft.Data.Sqlite;

namespace CustomerPortal.DataverseEmulator;

// Row versions behind @odata.etag (W/"n"). The mirror has no version column, so versions live in memory:
// every row starts at 1 and takes the next value of one counter on each write, so an ETag changes on
// every write and never repeats within a run (cond: compare for equality only).
internal sealed class RowVersions
{
    private readonly ConcurrentDictionary<(string Set, Guid Id), long> _versions = new();
    private long _counter = 1_000_000;

    public string ETag(string set, Guid id) => $"W/\"{_versions.GetValueOrDefault((set, id), 1)}\"";

    public void Bump(string set, Guid id) => _versions[(set, id)] = Interlocked.Increment(ref _counter);
}

// Which instance annotations the client asked for with Prefer: odata.include-annotations (compose):
// "*", exact names, or "prefix.*". Nothing is annotated unless asked.
internal sealed class AnnotationFilter(IReadOnlyList<string> patterns)
{
    public const string FormattedValue = "OData.Community.Display.V1.FormattedValue";
    public const string LookupLogicalName = "Microsoft.Dynamics.CRM.lookuplogicalname";
    public const string AssociatedNavigationProperty = "Microsoft.Dynamics.CRM.associatednavigationproperty";
    public const string TotalRecordCount = "Microsoft.Dynamics.CRM.totalrecordcount";
    public const string TotalRecordCountLimitExceeded = "Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded";

    public static readonly AnnotationFilter None = new([]);

    public bool Any => patterns.Count > 0;

    public string? Header => Any ? "odata.include-annotations=\"" + string.Join(",", patterns) + "\"" : null;

    public bool Includes(string annotation) => patterns.Any(p =>
        p == "*" || p == annotation || (p.EndsWith(".*", StringComparison.Ordinal) && annotation.StartsWith(p[..^1], StringComparison.Ordinal)));
}

// Writes records as the Web API does: @odata.etag first, annotations before the property they describe,
// selected-but-empty columns as null, the primary key always, expanded navigation properties last.
// With paging (a query with a nested $expand, ml-expand), every expanded collection holds at most a page per
// parent record and announces the rest with <nav>@odata.nextLink.
internal sealed class RecordWriter(SqliteConnection connection, RowVersions versions, AnnotationFilter annotations, ExpandPaging? paging = null)
{
    private readonly Dictionary<(string Set, Guid Id), string?> _names = [];
    private readonly Dictionary<Guid, string> _currencySymbols = [];
    private readonly Dictionary<(Expand Expand, Guid Id), Row> _single = [];
    private readonly Dictionary<(Expand Expand, Guid ParentId), (List<Row> Rows, string? NextToken)> _collections = [];

    // Loads everything the rows refer to in a few set-based queries: expanded records and, when formatted
    // values are asked for, lookup names and currency symbols.
    public void Prepare(ReadQuery query, IReadOnlyList<Row> rows)
    {
        foreach (var expand in query.Expands)
        {
            if (expand.Lookup is { } lookup)
            {
                var ids = rows.Select(r => r.Raw(lookup)).Where(v => v is not null).Distinct().ToList();
                var targets = ByKey(expand.Query.Table, ids);
                foreach (var target in targets)
                {
                    _single[(expand, target.Id)] = target;
                }

                Prepare(expand.Query, targets);
            }
            else if (expand.Collection is { } collection)
            {
                var parameters = new SqlParameters();
                var parentColumn = collection.ChildLookup(query.Table);
                var ids = rows.Select(r => r.Raw(query.Table.PrimaryKey)).ToList();
                var conditions = QueryRunner.FilterConditions(expand.Query, parameters);
                conditions.Add(ids.Count == 0 ? "0" : $"{Sql.Quote(parentColumn.LogicalName)} IN ({string.Join(", ", ids.Select(parameters.Add))})");
                var keys = QueryRunner.SortKeys(expand.Query);
                var children = QueryRunner.Select(connection, expand.Query.Table, conditions, parameters, keys, null);
                var shown = new List<Row>();
                foreach (var group in children.GroupBy(c => (Guid)c.Value(parentColumn)!))
                {
                    var page = group.Take(paging?.PageSize ?? expand.Query.Top ?? int.MaxValue).ToList();
                    var more = paging is not null && page.Count < group.Count();
                    _collections[(expand, group.Key)] = (page, more ? QueryRunner.TokenAfter(keys, page[^1]) : null);
                    shown.AddRange(page);
                }

                Prepare(expand.Query, shown);
            }
        }

        if (annotations.Includes(AnnotationFilter.FormattedValue))
        {
            foreach (var lookup in query.Table.Lookups)
            {
                var target = lookup.Lookup!.Target;
                var ids = rows.Select(r => r.Raw(lookup)).Where(v => v is not null).Distinct().ToList();
                if (target.PrimaryName is null)
                {
                    continue;
                }

                foreach (var row in ByKey(target, ids))
                {
                    _names[(target.EntitySetName, row.Id)] = (string?)row.Value(target.PrimaryName);
                }
            }

            if (_currencySymbols.Count == 0)
            {
                foreach (var currency in QueryRunner.Select(connection, DualWriteSchema.Table<CurrencyRow>(), [], new SqlParameters(), null, null))
                {
                    _currencySymbols[currency.Id] = (string)currency.Value("currencysymbol")!;
                }
            }
        }
    }

    public void WriteObject(Utf8JsonWriter json, ReadQuery query, Row row)
    {
        json.WriteStartObject();
        WriteProperties(json, query, row);
        json.WriteEndObject();
    }

    // The record's properties without the enclosing braces, so a single record can follow its @odata.context.
    public void WriteProperties(Utf8JsonWriter json, ReadQuery query, Row row)
    {
        var table = query.Table;
        json.WriteString("@odata.etag", versions.ETag(table.EntitySetName, row.Id));
        var currencyId = table.FindColumn("transactioncurrencyid") is { } currencyColumn ? row.Value(currencyColumn) as Guid? : null;
        foreach (var column in query.Output)
        {
            var name = column.WebApiName;
            var value = row.Value(column);
            if (column.Lookup is { } lookup)
            {
                if (value is Guid id)
                {
                    if (annotations.Includes(AnnotationFilter.FormattedValue) && _names.TryGetValue((lookup.Target.EntitySetName, id), out var targetName) && targetName is not null)
                    {
                        json.WriteString(name + "@" + AnnotationFilter.FormattedValue, targetName);
                    }

                    if (annotations.Includes(AnnotationFilter.AssociatedNavigationProperty))
                    {
                        json.WriteString(name + "@" + AnnotationFilter.AssociatedNavigationProperty, lookup.NavigationProperty);
                    }

                    if (annotations.Includes(AnnotationFilter.LookupLogicalName))
                    {
                        var logical = lookup.TypeColumn is { } typeColumn ? (string?)row.Value(typeColumn) : lookup.Target.LogicalName;
                        json.WriteString(name + "@" + AnnotationFilter.LookupLogicalName, logical);
                    }
                }
            }
            else if (annotations.Includes(AnnotationFilter.FormattedValue) && !column.IsPrimaryKey
                && Values.Formatted(column, value, currencyId is { } c ? _currencySymbols.GetValueOrDefault(c) : null) is { } formatted)
            {
                json.WriteString(name + "@" + AnnotationFilter.FormattedValue, formatted);
            }

            json.WritePropertyName(name);
            Values.Write(json, column, value);
        }

        foreach (var expand in query.Expands)
        {
            json.WritePropertyName(expand.Navigation);
            if (expand.Lookup is { Lookup: { } lookup } column)
            {
                var lookupValue = row.Value(column) as Guid?;
                var typeMatches = lookup.TypeColumn is null || (string?)row.Value(lookup.TypeColumn) == lookup.Target.LogicalName;
                if (lookupValue is { } id && typeMatches && _single.TryGetValue((expand, id), out var target))
                {
                    WriteObject(json, expand.Query, target);
                }
                else
                {
                    json.WriteNullValue();
                }
            }
            else
            {
                var (children, next) = _collections.GetValueOrDefault((expand, row.Id));
                json.WriteStartArray();
                foreach (var child in children ?? [])
                {
                    WriteObject(json, expand.Query, child);
                }

                json.WriteEndArray();
                if (next is not null)
                {
                    json.WriteString(expand.Navigation + "@odata.nextLink", paging!.NextLink(table, row.Id, expand, next));
                }
            }
        }
    }

    private List<Row> ByKey(DualWriteTable table, List<object?> rawIds)
    {
        if (rawIds.Count == 0)
        {
            return [];
        }

        var parameters = new SqlParameters();
        var condition = $"{Sql.Quote(table.PrimaryKey.LogicalName)} IN ({string.Join(", ", rawIds.Select(parameters.Add))})";
        return QueryRunner.Select(connection, table, [condition], parameters, null, null);
    }
}

// Paging of expanded collections: the page size (odata.maxpagesize, default 5,000) and how to write the link
// to the rest of one record's related collection (the related-collection URL with its own $skiptoken).
internal sealed record ExpandPaging(int PageSize, Func<DualWriteTable, Guid, Expand, string, string> NextLink);
