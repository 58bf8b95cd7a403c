using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerPortal.DualWrite;
using Microsoft.Data.Sqlite;

namespace CustomerPortal.DataverseEmulator;

// Parsed system query options of one request (q-overview): $select, $filter, $orderby, $top, $count, $expand.
internal sealed class ReadQuery
{
    public required DualWriteTable Table { get; init; }

    // Null when $select is absent: every column comes back (q-select says: always select).
    public List<DualWriteColumn>? Select { get; init; }

    public string? Filter { get; init; }

    public List<(DualWriteColumn Column, bool Descending)> OrderBy { get; init; } = [];

    public int? Top { get; init; }

    public bool Count { get; init; }

    public List<Expand> Expands { get; init; } = [];

    // The parent of a related collection (salesorders(id)/order_details): the child's lookup and the parent's stored key.
    public (DualWriteColumn Column, object? Raw)? Scope { get; set; }

    // A $expand inside a $expand anywhere in the query: then every expanded collection is paged (ml-expand).
    public bool HasNestedExpand => Expands.Any(e => e.Query.Expands.Count > 0);

    public IEnumerable<DualWriteColumn> Output
    {
        get
        {
            if (Select is null)
            {
                return Table.WebApiColumns;
            }

            var columns = new List<DualWriteColumn>(Select);
            // Selecting a money column also returns _transactioncurrencyid_value (q-select).
            if (columns.Any(c => c.Type == ColumnType.Money) && Table.FindColumn("transactioncurrencyid") is { } currency && !columns.Contains(currency))
            {
                columns.Add(currency);
            }

            if (!columns.Contains(Table.PrimaryKey))
            {
                columns.Add(Table.PrimaryKey);
            }

            return columns;
        }
    }

    public string ContextSelect()
    {
        var parts = (Select ?? []).Select(c => c.WebApiName).Concat(Expands.Select(e => e.Navigation + (e.Query.Select is null ? "()" : "(" + e.Query.ContextSelect() + ")")));
        return string.Join(",", parts);
    }

    private static readonly HashSet<string> Supported = ["$select", "$filter", "$orderby", "$top", "$count", "$expand", "$skiptoken"];

    public static ReadQuery Parse(DualWriteTable table, IReadOnlyDictionary<string, string> options, bool nested, bool collection)
    {
        foreach (var name in options.Keys)
        {
            // Aggregation, change tracking and the FetchXML/saved view queries exist in Dataverse (q-agg, change
            // tracking, fetch) but not here: never a silent full scan that ignores them.
            if (name is "$apply" or "$deltatoken" or "fetchXml" or "savedQuery" or "userQuery")
            {
                throw WebApiException.NotEmulated($"The query option {name}");
            }

            // $skip, $search and $format are documented as not supported (q-overview, q-page).
            if (name is "$skip" or "$search" or "$format" || (name.StartsWith('$') && !Supported.Contains(name)))
            {
                throw WebApiException.BadQuery($"The query parameter {name} is not supported");
            }
        }

        if (nested && (options.ContainsKey("$count") || options.ContainsKey("$skiptoken")))
        {
            throw WebApiException.BadQuery("The query parameter $count is not supported inside $expand");
        }

        List<DualWriteColumn>? select = null;
        if (options.TryGetValue("$select", out var selectText))
        {
            select = [];
            foreach (var name in SplitTopLevel(selectText, ','))
            {
                // Navigation properties cannot be selected; the lookup property _x_value can (q-select).
                var column = table.FindProperty(name.Trim()) ?? throw WebApiException.UnknownProperty(table, name.Trim());

                if (!select.Contains(column))
                {
                    select.Add(column);
                }
            }
        }

        var orderBy = new List<(DualWriteColumn, bool)>();
        if (options.TryGetValue("$orderby", out var orderText))
        {
            foreach (var item in SplitTopLevel(orderText, ','))
            {
                var parts = item.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var column = table.FindProperty(parts[0]) ?? throw WebApiException.UnknownProperty(table, parts[0]);
                var descending = parts.Length > 1 && parts[1] == "desc";
                if (parts.Length > 2 || (parts.Length == 2 && parts[1] is not ("asc" or "desc")))
                {
                    throw WebApiException.BadQuery($"Syntax error in $orderby '{orderText}'.");
                }

                orderBy.Add((column, descending));
            }
        }

        int? top = null;
        if (options.TryGetValue("$top", out var topText))
        {
            top = int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t
                : throw WebApiException.BadQuery($"Invalid value '{topText}' for $top query option found. The $top query option requires a non-negative integer value.");
        }

        var count = false;
        if (options.TryGetValue("$count", out var countText))
        {
            count = countText switch
            {
                "true" => true,
                "false" => false,
                _ => throw WebApiException.BadQuery($"'{countText}' is not a valid count option."),
            };
        }

        var expands = new List<Expand>();
        if (options.TryGetValue("$expand", out var expandText))
        {
            foreach (var item in SplitTopLevel(expandText, ','))
            {
                expands.Add(Expand.Parse(table, item.Trim()));
            }

            if (expands.Count > 15)
            {
                throw WebApiException.BadQuery("Number of expands in the query exceeded the limit of 15.");
            }
        }

        return new ReadQuery
        {
            Table = table,
            Select = select,
            Filter = options.GetValueOrDefault("$filter"),
            OrderBy = orderBy,
            Top = top,
            Count = count && collection,
            Expands = expands,
        };
    }

    public static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && c == separator)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return [.. parts.Where(p => p.Trim().Length > 0)];
    }
}

// One $expand item (q-join, ml-expand): a single-valued navigation ($select, nested $expand) or a collection
// such as order_details ($select/$filter/$expand; $orderby/$top only when nothing around or inside it is a nested
// $expand). Options keeps the item's own query options, for the <nav>@odata.nextLink of a paged collection.
internal sealed record Expand(string Navigation, DualWriteColumn? Lookup, DualWriteOneToMany? Collection, ReadQuery Query, IReadOnlyDictionary<string, string> Options)
{
    private const string NestedOnlySelectAndFilter =
        "Only $select and $filter clause can be provided while doing $expand on many-to-one relationship or nested one-to-many relationship.";

    public static Expand Parse(DualWriteTable parent, string text) => Parse(parent, text, nested: false);

    // The query options of the item as a query string (values escaped), without $skiptoken.
    public string OptionsQuery() => string.Join("&", Options.Select(o => o.Key + "=" + Uri.EscapeDataString(o.Value)));

    private static Expand Parse(DualWriteTable parent, string text, bool nested)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var name = open < 0 ? text : text[..open];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (open >= 0)
        {
            if (!text.EndsWith(')'))
            {
                throw WebApiException.BadQuery($"Syntax error in $expand '{text}'.");
            }

            foreach (var option in ReadQuery.SplitTopLevel(text[(open + 1)..^1], ';'))
            {
                var equals = option.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0)
                {
                    throw WebApiException.BadQuery($"Syntax error in $expand '{text}'.");
                }

                options[option[..equals].Trim()] = option[(equals + 1)..];
            }
        }

        if (name.EndsWith("/$ref", StringComparison.Ordinal))
        {
            throw WebApiException.BadQuery("$expand with $ref is not emulated.");
        }

        if (parent.FindLookup(name) is { } lookup)
        {
            if (options.Keys.Any(k => k is not ("$select" or "$expand")))
            {
                throw WebApiException.BadQuery(NestedOnlySelectAndFilter);
            }

            return new Expand(name, lookup, null, Nested(lookup.Lookup!.Target, options, collection: false), options);
        }

        if (parent.FindCollection(name) is { } collection)
        {
            // ml-expand: $orderby and $top are not supported on a nested one-to-many expansion.
            if ((nested || options.ContainsKey("$expand")) && (options.ContainsKey("$orderby") || options.ContainsKey("$top")))
            {
                throw WebApiException.BadQuery(NestedOnlySelectAndFilter);
            }

            return new Expand(name, null, collection, Nested(collection.Child, options, collection: true), options);
        }

        throw WebApiException.UnknownProperty(parent, name);
    }

    // The expanded table's query: its options but $expand, which is parsed here as nested items.
    private static ReadQuery Nested(DualWriteTable table, Dictionary<string, string> options, bool collection)
    {
        var own = options.Where(o => o.Key != "$expand").ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
        var query = ReadQuery.Parse(table, own, nested: true, collection: collection);
        if (options.TryGetValue("$expand", out var expandText))
        {
            query.Expands.AddRange(ReadQuery.SplitTopLevel(expandText, ',').Select(item => Parse(table, item.Trim(), nested: true)));
        }

        return query;
    }
}

// A row as read from the mirror: the raw stored values of every column of the table, in DualWriteTable.Columns order.
internal sealed class Row(DualWriteTable table, object?[] raw)
{
    public DualWriteTable Table { get; } = table;

    public object? Raw(DualWriteColumn column) => raw[Index(column)];

    public object? Value(DualWriteColumn column) => Values.FromStore(column, raw[Index(column)]);

    public object? Value(string column) => Value(Table.Column(column));

    public Guid Id => (Guid)Value(Table.PrimaryKey)!;

    private int Index(DualWriteColumn column)
    {
        for (var i = 0; i < Table.Columns.Count; i++)
        {
            if (ReferenceEquals(Table.Columns[i], column))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{column} is not a column of {Table}.");
    }
}

// Runs a ReadQuery against the mirror with keyset paging. The skip token carries the sort values of the last
// row of the page, so a page boundary never moves when rows are inserted elsewhere (q-page: opaque token).
internal static partial class QueryRunner
{
    public const int MaxPageSize = 5000;

    public static (List<Row> Rows, string? NextToken) Page(SqliteConnection connection, ReadQuery query, int pageSize, string? skipToken)
    {
        var keys = SortKeys(query);
        var parameters = new SqlParameters();
        var conditions = FilterConditions(query, parameters);
        if (skipToken is not null)
        {
            conditions.Add(After(keys, DecodeToken(skipToken, keys.Count), parameters));
        }

        var rows = Select(connection, query.Table, conditions, parameters, keys, pageSize + 1);
        if (rows.Count <= pageSize)
        {
            return (rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        var last = rows[^1];
        // The cookie counts pages as Dataverse's does: the link after page n says pagenumber="n+1" (q-page).
        var page = skipToken is not null && PageNumberPattern().Match(skipToken) is { Success: true } number
            ? int.Parse(number.Groups[1].Value, CultureInfo.InvariantCulture) + 1
            : 2;
        return (rows, TokenAfter(keys, last, page));
    }

    // Counts up to one past MaxPageSize: enough to tell that the limit is exceeded.
    public static int Count(SqliteConnection connection, ReadQuery query)
    {
        var parameters = new SqlParameters();
        var conditions = FilterConditions(query, parameters);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM {Sql.Quote(query.Table.LogicalName)}{Where(conditions)} LIMIT {MaxPageSize + 1})";
        parameters.Apply(command);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static List<Row> Select(SqliteConnection connection, DualWriteTable table, List<string> conditions, SqlParameters parameters, List<(DualWriteColumn Column, bool Descending)>? keys, int? limit)
    {
        using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {string.Join(", ", table.Columns.Select(c => Sql.Quote(c.LogicalName)))} FROM {Sql.Quote(table.LogicalName)}{Where(conditions)}");
        if (keys is { Count: > 0 })
        {
            sql.Append(" ORDER BY ").Append(string.Join(", ", keys.Select(k => Sql.Compared(k.Column) + (k.Descending ? " DESC" : ""))));
        }

        if (limit is not null)
        {
            sql.Append(CultureInfo.InvariantCulture, $" LIMIT {limit}");
        }

        command.CommandText = sql.ToString();
        parameters.Apply(command);
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
        {
            var raw = new object?[table.Columns.Count];
            for (var i = 0; i < raw.Length; i++)
            {
                raw[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(new Row(table, raw));
        }

        return rows;
    }

    public static List<(DualWriteColumn Column, bool Descending)> SortKeys(ReadQuery query)
    {
        var keys = new List<(DualWriteColumn Column, bool Descending)>(query.OrderBy);
        if (!keys.Any(k => k.Column == query.Table.PrimaryKey))
        {
            keys.Add((query.Table.PrimaryKey, false));
        }

        return keys;
    }

    // The $filter of the query as a WHERE condition, when it has one.
    public static List<string> FilterConditions(ReadQuery query, SqlParameters parameters)
    {
        var conditions = query.Filter is null ? new List<string>() : [FilterParser.ToSql(query.Table, query.Filter, parameters)];
        if (query.Scope is var (column, raw))
        {
            conditions.Add($"{Sql.Quote(column.LogicalName)} = {parameters.Add(raw)}");
        }

        return conditions;
    }

    private static string Where(List<string> conditions) => conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions.Select(c => "(" + c + ")"));

    // (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ... with SQL's NULL ordering (first ascending, last descending).
    internal static string After(List<(DualWriteColumn Column, bool Descending)> keys, List<object?> values, SqlParameters parameters)
    {
        var alternatives = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            var terms = new List<string>();
            for (var j = 0; j < i; j++)
            {
                terms.Add(values[j] is null ? $"{Sql.Quote(keys[j].Column.LogicalName)} IS NULL"
                    : $"{Sql.Compared(keys[j].Column)} = {Sql.CompareValue(keys[j].Column, parameters.Add(values[j]))}");
            }

            var (column, descending) = keys[i];
            var value = values[i];
            terms.Add((value, descending) switch
            {
                (null, false) => $"{Sql.Quote(column.LogicalName)} IS NOT NULL",
                (null, true) => "0",
                (_, false) => $"{Sql.Compared(column)} > {Sql.CompareValue(column, parameters.Add(value))}",
                (_, true) => $"({Sql.Compared(column)} < {Sql.CompareValue(column, parameters.Add(value))} OR {Sql.Quote(column.LogicalName)} IS NULL)",
            });
            alternatives.Add(string.Join(" AND ", terms));
        }

        return string.Join(" OR ", alternatives.Select(a => "(" + a + ")"));
    }

    // The skip token that continues after row, in the order of keys (SortKeys of the same query).
    public static string TokenAfter(List<(DualWriteColumn Column, bool Descending)> keys, Row row, int pageNumber = 2) =>
        EncodeToken(keys.Select(k => row.Raw(k.Column)).ToList(), pageNumber);

    // The token looks like Dataverse's (a <cookie pagingcookie="..."/> element) so clients that parse or
    // rebuild it break here as they would against the real service; its content is ours and opaque.
    private static string EncodeToken(List<object?> values, int pageNumber)
    {
        var json = JsonSerializer.Serialize(values.Select(v => v switch
        {
            null => "n",
            long l => "i" + l.ToString(CultureInfo.InvariantCulture),
            double d => "r" + d.ToString("R", CultureInfo.InvariantCulture),
            _ => "s" + Convert.ToString(v, CultureInfo.InvariantCulture),
        }).ToArray());
        var cookie = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        return $"<cookie pagenumber=\"{pageNumber.ToString(CultureInfo.InvariantCulture)}\" pagingcookie=\"{cookie}\" istracking=\"False\" />";
    }

    private static List<object?> DecodeToken(string token, int keyCount)
    {
        try
        {
            var cookie = Base64Url.DecodeFromChars(CookiePattern().Match(token).Groups[1].Value);
            var items = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetString(cookie))!;
            if (items.Length != keyCount)
            {
                throw new FormatException();
            }

            return [.. items.Select(s => s[0] switch
            {
                'n' => (object?)null,
                'i' => long.Parse(s[1..], CultureInfo.InvariantCulture),
                'r' => double.Parse(s[1..], CultureInfo.InvariantCulture),
                's' => s[1..],
                _ => throw new FormatException(),
            })];
        }
        catch (Exception e) when (e is FormatException or JsonException or IndexOutOfRangeException or ArgumentException)
        {
            throw WebApiException.BadQuery("The $skiptoken is not valid for this query.");
        }
    }

    [GeneratedRegex("pagingcookie=\"([^\"]*)\"")]
    private static partial Regex CookiePattern();

    [GeneratedRegex("pagenumber=\"(\\d{1,9})\"")]
    private static partial Regex PageNumberPattern();
}
