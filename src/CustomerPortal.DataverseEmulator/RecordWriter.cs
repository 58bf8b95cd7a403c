using System.Collections.Concurrent;
using System.Text.Json;
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
internal sealed class RecordWriter
{
    private readonly SqliteConnection _connection;
    private readonly EntitySets _sets;
    private readonly RowVersions _versions;
    private readonly AnnotationFilter _annotations;
    private readonly Dictionary<(string Set, Guid Id), string?> _names = [];
    private readonly Dictionary<Guid, string> _currencySymbols = [];
    private readonly Dictionary<(string Navigation, Guid Id), Row> _single = [];
    private readonly Dictionary<(string Navigation, Guid ParentId), List<Row>> _collections = [];

    public RecordWriter(SqliteConnection connection, EntitySets sets, RowVersions versions, AnnotationFilter annotations)
    {
        _connection = connection;
        _sets = sets;
        _versions = versions;
        _annotations = annotations;
    }

    // Loads everything the rows refer to in a few set-based queries: expanded records and, when formatted
    // values are asked for, lookup names and currency symbols.
    public void Prepare(ReadQuery query, IReadOnlyList<Row> rows)
    {
        foreach (var expand in query.Expands)
        {
            if (expand.Lookup is { } lookup)
            {
                var column = query.Set.ColumnsByName[lookup.Column];
                var ids = rows.Select(r => r.Raw(column)).Where(v => v is not null).Distinct().ToList();
                foreach (var target in ByKey(expand.Query.Set, ids, null))
                {
                    _single[(expand.Navigation, target.Id)] = target;
                }

                Prepare(expand.Query, [.. _single.Where(s => s.Key.Navigation == expand.Navigation).Select(s => s.Value)]);
            }
            else if (expand.Collection is { } collection)
            {
                var childSet = expand.Query.Set;
                var parameters = new SqlParameters();
                var parentKey = query.Set.ColumnsByName[query.Set.Key];
                var ids = rows.Select(r => r.Raw(parentKey)).ToList();
                var conditions = new List<string>
                {
                    ids.Count == 0 ? "0" : $"{Sql.Quote(collection.ChildColumn)} IN ({string.Join(", ", ids.Select(parameters.Add))})",
                };
                if (expand.Query.Filter is not null)
                {
                    conditions.Add(FilterParser.ToSql(childSet, expand.Query.Filter, parameters));
                }

                var children = QueryRunner.Select(_connection, childSet, conditions, parameters, QueryRunner.SortKeys(expand.Query), null);
                foreach (var group in children.GroupBy(c => (Guid)c.Value(collection.ChildColumn)!))
                {
                    _collections[(expand.Navigation, group.Key)] = [.. expand.Query.Top is { } top ? group.Take(top) : group];
                }

                Prepare(expand.Query, children);
            }
        }

        if (_annotations.Includes(AnnotationFilter.FormattedValue))
        {
            foreach (var lookup in query.Set.LookupsByColumn.Values)
            {
                var target = _sets.Get(lookup.TargetSet);
                var column = query.Set.ColumnsByName[lookup.Column];
                var ids = rows.Select(r => r.Raw(column)).Where(v => v is not null).Distinct().ToList();
                if (target.PrimaryName is null || ids.Count == 0)
                {
                    continue;
                }

                foreach (var row in ByKey(target, ids, null))
                {
                    _names[(target.Name, row.Id)] = (string?)row.Value(target.PrimaryName);
                }
            }

            if (_currencySymbols.Count == 0)
            {
                foreach (var currency in QueryRunner.Select(_connection, _sets.Get("transactioncurrencies"), [], new SqlParameters(), null, null))
                {
                    _currencySymbols[currency.Id] = (string)currency.Value("currencysymbol")!;
                }
            }
        }
    }

    public void Write(Utf8JsonWriter json, ReadQuery query, Row row)
    {
        var set = query.Set;
        json.WriteStartObject();
        json.WriteString("@odata.etag", _versions.ETag(set.Name, row.Id));
        var currencyId = set.ColumnsByName.TryGetValue("transactioncurrencyid", out var currencyColumn) ? row.Value(currencyColumn) as Guid? : null;
        foreach (var column in query.Output)
        {
            var name = set.PropertyName(column);
            var value = row.Value(column);
            if (set.LookupsByColumn.TryGetValue(column.Name, out var lookup))
            {
                if (value is Guid id)
                {
                    if (_annotations.Includes(AnnotationFilter.FormattedValue) && _names.TryGetValue((lookup.TargetSet, id), out var targetName) && targetName is not null)
                    {
                        json.WriteString(name + "@" + AnnotationFilter.FormattedValue, targetName);
                    }

                    if (_annotations.Includes(AnnotationFilter.AssociatedNavigationProperty))
                    {
                        json.WriteString(name + "@" + AnnotationFilter.AssociatedNavigationProperty, lookup.Navigation);
                    }

                    if (_annotations.Includes(AnnotationFilter.LookupLogicalName))
                    {
                        var logical = lookup.TypeColumn is { } typeColumn ? (string?)row.Value(typeColumn) : _sets.Get(lookup.TargetSet).LogicalName;
                        json.WriteString(name + "@" + AnnotationFilter.LookupLogicalName, logical);
                    }
                }
            }
            else if (_annotations.Includes(AnnotationFilter.FormattedValue) && column.Name != set.Key
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
            if (expand.Lookup is { } lookup)
            {
                var lookupValue = row.Value(lookup.Column) as Guid?;
                var typeMatches = lookup.TypeColumn is null || (string?)row.Value(lookup.TypeColumn) == _sets.Get(lookup.TargetSet).LogicalName;
                if (lookupValue is { } id && typeMatches && _single.TryGetValue((expand.Navigation, id), out var target))
                {
                    Write(json, expand.Query, target);
                }
                else
                {
                    json.WriteNullValue();
                }
            }
            else
            {
                json.WriteStartArray();
                foreach (var child in _collections.GetValueOrDefault((expand.Navigation, row.Id)) ?? [])
                {
                    Write(json, expand.Query, child);
                }

                json.WriteEndArray();
            }
        }

        json.WriteEndObject();
    }

    private List<Row> ByKey(EntitySet set, List<object?> rawIds, SqlParameters? parameters)
    {
        parameters ??= new SqlParameters();
        if (rawIds.Count == 0)
        {
            return [];
        }

        var condition = $"{Sql.Quote(set.Key)} IN ({string.Join(", ", rawIds.Select(parameters.Add))})";
        return QueryRunner.Select(_connection, set, [condition], parameters, null, null);
    }
}
