using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CustomerPortal.DualWrite;
using Microsoft.Data.Sqlite;

namespace CustomerPortal.DataverseEmulator;

// GET {set}?fetchXml=<fetch …>: the subset of FetchXML a portal integration uses, run as parameterized SQL on the
// mirror (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/use-fetchxml-web-api and the
// element reference under …/data-platform/fetchxml/reference/): fetch top/count/page/paging-cookie/
// returntotalrecordcount, entity, attribute, all-attributes, nested and/or filters, the conditions below, order,
// and one level of link-entity (inner/outer) whose attributes come back as alias.attribute. Anything else a valid
// fetch may say answers 501 "not emulated", anything invalid 400: never a silently wider result.
// savedQuery= and userQuery= answer 501.
internal static partial class FetchXml
{
    public const string PagingCookieAnnotation = "Microsoft.Dynamics.CRM.fetchxmlpagingcookie";
    public const string MoreRecordsAnnotation = "Microsoft.Dynamics.CRM.morerecords";

    // SQL aliases of the main entity's table and of the linked one.
    public const string ParentAlias = "p";
    public const string LinkedAlias = "l";

    // Every operator of …/fetchxml/reference/operators: the ones not handled below are valid but not emulated (501).
    private static readonly HashSet<string> Operators =
    [
        "above", "begins-with", "between", "contain-values", "ends-with", "eq", "eq-businessid", "eq-or-above", "eq-or-under",
        "eq-userid", "eq-userlanguage", "eq-useroruserhierarchy", "eq-useroruserhierarchyandteams", "eq-useroruserteams",
        "eq-userteams", "ge", "gt", "in", "in-fiscal-period", "in-fiscal-period-and-year", "in-fiscal-year",
        "in-or-after-fiscal-period-and-year", "in-or-before-fiscal-period-and-year", "last-fiscal-period", "last-fiscal-year",
        "last-month", "last-seven-days", "last-week", "last-x-days", "last-x-fiscal-periods", "last-x-fiscal-years",
        "last-x-hours", "last-x-months", "last-x-weeks", "last-x-years", "last-year", "le", "like", "lt", "ne", "ne-businessid",
        "ne-userid", "neq", "next-fiscal-period", "next-fiscal-year", "next-month", "next-seven-days", "next-week", "next-x-days",
        "next-x-fiscal-periods", "next-x-fiscal-years", "next-x-hours", "next-x-months", "next-x-weeks", "next-x-years",
        "next-year", "not-begin-with", "not-between", "not-contain-values", "not-end-with", "not-in", "not-like", "not-null",
        "not-under", "null", "olderthan-x-days", "olderthan-x-hours", "olderthan-x-minutes", "olderthan-x-months",
        "olderthan-x-weeks", "olderthan-x-years", "on", "on-or-after", "on-or-before", "this-fiscal-period", "this-fiscal-year",
        "this-month", "this-week", "this-year", "today", "tomorrow", "under", "yesterday",
    ];

    public static bool KnownOperator(string name) => Operators.Contains(name);

    public static bool Handles(HttpRequest request) =>
        request.Query.ContainsKey("fetchXml") || request.Query.ContainsKey("savedQuery") || request.Query.ContainsKey("userQuery");

    // fetchXml, savedQuery and userQuery belong on GET {set}; anywhere else (a record, /$count, a write) they
    // would be ignored, so they are refused instead.
    public static void RefuseOutsideCollectionGet(HttpRequest request, string path)
    {
        if (Handles(request) && (request.Method != "GET" || !CollectionPath().IsMatch(path)))
        {
            throw WebApiException.NotEmulated("fetchXml, savedQuery and userQuery anywhere but on GET {entityset}");
        }
    }

    public static async Task Run(HttpContext http, SqliteConnection connection, DualWriteTable table, RowVersions versions)
    {
        var request = http.Request.Query;
        if (request.ContainsKey("savedQuery") || request.ContainsKey("userQuery"))
        {
            throw WebApiException.NotEmulated("Running a saved view (savedQuery) or a personal view (userQuery)", "The emulator has no views: send the view's FetchXML as fetchXml instead.");
        }

        if (request["fetchXml"].Count != 1)
        {
            throw WebApiException.BadQuery("Query option 'fetchXml' was specified more than once, but it must be specified at most once.");
        }

        if (request.Keys.FirstOrDefault(k => k.StartsWith('$') && k != "$count") is { } option)
        {
            throw WebApiException.NotEmulated($"Combining fetchXml with {option}", "Say it in the FetchXML.");
        }

        // $count=true does what returntotalrecordcount does (…/fetchxml/count-rows, Web API tab).
        var count = request["$count"].ToString() switch
        {
            "" or "false" => false,
            "true" => true,
            var other => throw WebApiException.BadQuery($"'{other}' is not a valid count option."),
        };
        var prefer = Prefer.Parse(http.Request);
        var fetch = FetchQuery.Parse(table, request["fetchXml"].ToString(), count);
        var page = fetch.Run(connection);

        var annotations = prefer.Annotations;
        WebApi.SetPreferenceApplied(http, annotations.Header);
        var root = WebApi.ApiRoot(http);
        await WebApi.WriteJson(http, 200, json =>
        {
            json.WriteString("@odata.context", $"{root}$metadata#{table.EntitySetName}{fetch.ContextSelect()}");
            // @odata.count up to 5,000, and the two count annotations when asked for (count-rows).
            if (page.Total is { } total)
            {
                json.WriteNumber("@odata.count", Math.Min(total, QueryRunner.MaxPageSize));
                if (annotations.Includes(AnnotationFilter.TotalRecordCount))
                {
                    json.WriteNumber("@" + AnnotationFilter.TotalRecordCount, Math.Min(total, QueryRunner.MaxPageSize));
                }

                if (annotations.Includes(AnnotationFilter.TotalRecordCountLimitExceeded))
                {
                    json.WriteBoolean("@" + AnnotationFilter.TotalRecordCountLimitExceeded, total > QueryRunner.MaxPageSize);
                }
            }

            // On the last page both annotations are left out (…/fetchxml/page-results, "Last Page").
            if (page.MoreRecords)
            {
                if (page.Cookie is not null && annotations.Includes(PagingCookieAnnotation))
                {
                    json.WriteString("@" + PagingCookieAnnotation, page.Cookie);
                }

                if (annotations.Includes(MoreRecordsAnnotation))
                {
                    json.WriteBoolean("@" + MoreRecordsAnnotation, true);
                }
            }

            json.WritePropertyName("value");
            json.WriteStartArray();
            foreach (var (row, linked) in page.Rows)
            {
                fetch.Write(json, versions, row, linked);
            }

            json.WriteEndArray();
        });
    }

    [GeneratedRegex("^/[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex CollectionPath();

    public static WebApiException Invalid(string message) => new(400, "0x80040203", "Invalid FetchXML: " + message);

    // A column of the table as FetchXML names it: the logical name, lookups included (never _x_value).
    public static DualWriteColumn Attribute(DualWriteTable table, XElement element, string attribute = "name")
    {
        var name = (string?)element.Attribute(attribute) ?? throw Invalid($"<{element.Name.LocalName}> needs a '{attribute}' attribute.");
        return table.FindColumn(name) is { IsLookupType: false } column ? column
            : throw new WebApiException(400, "0x80041103", $"'{table.LogicalName}' entity doesn't contain attribute with Name = '{name}' and NameMapping = 'Logical'.");
    }

    // Refuses attributes outside the element's emulated set: known ones with 501, unknown ones with 400.
    public static void OnlyAttributes(XElement element, string[] supported, string[] notEmulated)
    {
        foreach (var attribute in element.Attributes())
        {
            var name = attribute.Name.LocalName;
            if (notEmulated.Contains(name))
            {
                throw WebApiException.NotEmulated($"The '{name}' attribute of <{element.Name.LocalName}>");
            }

            if (!supported.Contains(name))
            {
                throw Invalid($"The '{name}' attribute is not declared on <{element.Name.LocalName}>.");
            }
        }
    }

    // A column of the parent (p) or linked (l) table in SQL, compared as Sql.Compared does for unqualified names.
    public static string Ref(string alias, DualWriteColumn column) => column.Type switch
    {
        ColumnType.Money or ColumnType.DecimalNumber => $"CAST({alias}.{Sql.Quote(column.LogicalName)} AS REAL)",
        ColumnType.Text => $"{alias}.{Sql.Quote(column.LogicalName)} COLLATE NOCASE",
        _ => $"{alias}.{Sql.Quote(column.LogicalName)}",
    };
}

// A parsed <fetch>: what to select, filter and order, and how to page.
internal sealed class FetchQuery
{
    private readonly DualWriteTable _table;
    private readonly List<DualWriteColumn> _attributes;
    private readonly bool _allAttributes;
    private readonly List<(DualWriteColumn Column, bool Descending)> _orders = [];
    private readonly SqlParameters _parameters = new();
    private readonly List<string> _conditions = [];
    private FetchLink? _link;
    private int? _top;
    private int _count = QueryRunner.MaxPageSize;
    private int _page = 1;
    private XElement? _pagingCookie;
    private bool _totalRecordCount;

    private FetchQuery(DualWriteTable table, List<DualWriteColumn> attributes, bool allAttributes)
    {
        _table = table;
        _attributes = attributes;
        _allAttributes = allAttributes;
    }

    public static FetchQuery Parse(DualWriteTable table, string text, bool count)
    {
        var fetch = Load(text, "fetchXml");
        if (fetch.Name.LocalName != "fetch")
        {
            throw FetchXml.Invalid($"The root element must be <fetch>, not <{fetch.Name.LocalName}>.");
        }

        FetchXml.OnlyAttributes(fetch, ["version", "mapping", "count", "page", "paging-cookie", "top", "returntotalrecordcount", "no-lock", "distinct", "aggregate", "output-format"],
            ["aggregatelimit", "datasource", "latematerialize", "min-active-row-version", "options", "useraworderby", "utc-offset"]);
        if (Flag(fetch, "distinct") || Flag(fetch, "aggregate"))
        {
            throw WebApiException.NotEmulated("Distinct and aggregate FetchXML queries");
        }

        var entities = fetch.Elements().ToList();
        if (entities is not [{ Name.LocalName: "entity" } entity])
        {
            throw FetchXml.Invalid("<fetch> must contain exactly one <entity>.");
        }

        FetchXml.OnlyAttributes(entity, ["name"], ["enableprefiltering", "prefilterparametername"]);
        var name = (string?)entity.Attribute("name") ?? throw FetchXml.Invalid("<entity> needs a 'name' attribute.");
        if (DualWriteSchema.Tables.All(t => t.LogicalName != name))
        {
            throw new WebApiException(400, "0x80041102", $"The entity with a name = '{name}' with namemapping = 'Logical' was not found in the MetadataCache.");
        }

        if (name != table.LogicalName)
        {
            throw WebApiException.BadQuery($"The entity name '{name}' in the FetchXML does not match the entity set '{table.EntitySetName}' of the request (…/webapi/use-fetchxml-web-api).");
        }

        var (attributes, all) = Columns(table, entity, ["attribute", "all-attributes", "filter", "order", "link-entity"]);
        var query = new FetchQuery(table, attributes, all);
        query.ReadPaging(fetch);
        query._totalRecordCount |= count;
        if (query._totalRecordCount && query._top is not null)
        {
            throw FetchXml.Invalid("The 'top' attribute can't be used with returntotalrecordcount or $count (…/fetchxml/count-rows).");
        }
        foreach (var child in entity.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "filter":
                    query._conditions.Add(query.Filter(table, FetchXml.ParentAlias, child));
                    break;
                case "order":
                    FetchXml.OnlyAttributes(child, ["attribute", "descending"], ["alias", "entityname"]);
                    query._orders.Add((FetchXml.Attribute(table, child, "attribute"), Flag(child, "descending")));
                    break;
                case "link-entity" when query._link is not null:
                    throw WebApiException.NotEmulated("More than one <link-entity>");
                case "link-entity":
                    query._link = query.Link(child);
                    break;
            }
        }

        return query;
    }

    // Rows of the requested page, the paging cookie for the next one and, when asked, the total.
    public FetchPage Run(SqliteConnection connection)
    {
        var keys = new List<(DualWriteColumn Column, bool Descending)>(_orders);
        if (!keys.Any(k => k.Column == _table.PrimaryKey))
        {
            keys.Add((_table.PrimaryKey, false));
        }

        // A one-to-many link repeats parent rows, so the parent's sort values no longer identify a row: such a
        // query gets no paging cookie and pages by position, as Dataverse falls back to simple paging (page-results).
        var cookies = _link is null || _link.From == _link.Table.PrimaryKey;
        var parentConditions = new List<string>(_conditions);
        var offset = (_page - 1) * _count;
        if (cookies && _pagingCookie is not null && CookieValues(keys) is { } after)
        {
            // The keyset condition of the $skiptoken path, on unqualified names: hence the parent's own SELECT below.
            parentConditions.Add(QueryRunner.After(keys, after, _parameters));
            offset = 0;
        }

        var limit = _top ?? _count;
        var columns = _table.Columns.Select(c => $"{FetchXml.ParentAlias}.{Sql.Quote(c.LogicalName)}")
            .Concat(_link?.Table.Columns.Select(c => $"{FetchXml.LinkedAlias}.{Sql.Quote(c.LogicalName)}") ?? []);
        var order = keys.Select(k => FetchXml.Ref(FetchXml.ParentAlias, k.Column) + (k.Descending ? " DESC" : ""))
            .Concat(_link is null ? [] : [$"{FetchXml.LinkedAlias}.{Sql.Quote(_link.Table.PrimaryKey.LogicalName)}"]);

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns)}{From(parentConditions)} ORDER BY {string.Join(", ", order)} LIMIT {limit + 1} OFFSET {offset}";
        _parameters.Apply(command);
        var rows = new List<(Row, Row?)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(Read(reader));
            }
        }

        var more = _top is null && rows.Count > limit;
        if (rows.Count > limit)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        int? total = null;
        if (_totalRecordCount)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM (SELECT 1{From(_conditions)} LIMIT {QueryRunner.MaxPageSize + 1})";
            _parameters.Apply(count);
            total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return new FetchPage(rows, more, more && cookies ? Cookie(keys, rows) : null, total);
    }

    // FROM the parent's rows that pass its conditions (selected on their own, so unqualified names in a condition
    // mean the parent's columns), joined to the linked table on from = to and the link's own filters.
    private string From(List<string> parentConditions)
    {
        var where = parentConditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", parentConditions.Select(c => "(" + c + ")"));
        var parent = Sql.Quote(_table.LogicalName);
        var from = new StringBuilder($" FROM (SELECT * FROM {parent} {FetchXml.ParentAlias}{where}) {FetchXml.ParentAlias}");
        if (_link is { } link)
        {
            from.Append(link.Outer ? " LEFT JOIN " : " INNER JOIN ").Append(Sql.Quote(link.Table.LogicalName))
                .Append($" {FetchXml.LinkedAlias} ON {FetchXml.LinkedAlias}.{Sql.Quote(link.From.LogicalName)} = {FetchXml.ParentAlias}.{Sql.Quote(link.To.LogicalName)}");
            foreach (var condition in link.Conditions)
            {
                from.Append(" AND (").Append(condition).Append(')');
            }
        }

        return from.ToString();
    }

    // The columns that go into the context URL: the requested ones, or none for all-attributes.
    public string ContextSelect() => _allAttributes ? "" : "(" + string.Join(",", Output().Select(c => c.WebApiName)) + ")";

    // One result row as Dataverse writes FetchXML results: null columns left out, lookups as _x_value, the
    // primary key always, linked columns as alias.attribute (…/webapi/use-fetchxml-web-api).
    public void Write(Utf8JsonWriter json, RowVersions versions, Row row, Row? linked)
    {
        json.WriteStartObject();
        json.WriteString("@odata.etag", versions.ETag(_table.EntitySetName, row.Id));
        foreach (var column in Output())
        {
            if (row.Value(column) is { } value)
            {
                json.WritePropertyName(column.WebApiName);
                Values.Write(json, column, value);
            }
        }

        if (_link is { } link && linked is not null)
        {
            foreach (var column in link.Attributes)
            {
                if (linked.Value(column) is { } value)
                {
                    json.WritePropertyName(link.Alias + "." + column.LogicalName);
                    Values.Write(json, column, value);
                }
            }
        }

        json.WriteEndObject();
    }

    // The requested columns as $select would return them: a money column brings its currency (page-results shows
    // it in FetchXML results too), the key always.
    private IEnumerable<DualWriteColumn> Output() => new ReadQuery { Table = _table, Select = _allAttributes ? null : _attributes }.Output;

    private (Row Row, Row? Linked) Read(SqliteDataReader reader)
    {
        object?[] Raw(int start, int length)
        {
            var raw = new object?[length];
            for (var i = 0; i < length; i++)
            {
                raw[i] = reader.IsDBNull(start + i) ? null : reader.GetValue(start + i);
            }

            return raw;
        }

        var parentCount = _table.Columns.Count;
        var row = new Row(_table, Raw(0, parentCount));
        if (_link is null)
        {
            return (row, null);
        }

        var linked = new Row(_link.Table, Raw(parentCount, _link.Table.Columns.Count));
        return (row, linked.Raw(_link.Table.PrimaryKey) is null ? null : linked);
    }

    private void ReadPaging(XElement fetch)
    {
        int? Number(string name, int min) => fetch.Attribute(name) is { } attribute
            ? int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min ? n
                : throw FetchXml.Invalid($"The '{name}' attribute must be a whole number of at least {min}, not '{attribute.Value}'.")
            : null;

        _top = Number("top", 1);
        var count = Number("count", 1);
        var page = Number("page", 1);
        if (_top is not null && (count is not null || page is not null))
        {
            throw FetchXml.Invalid("The 'top' attribute can't be used with the paging attributes 'count' and 'page' (…/fetchxml/page-results).");
        }

        if (_top > QueryRunner.MaxPageSize)
        {
            throw FetchXml.Invalid($"The 'top' attribute can't be larger than {QueryRunner.MaxPageSize}.");
        }

        // The default and maximum page size is 5,000 rows (page-results).
        _count = Math.Min(count ?? QueryRunner.MaxPageSize, QueryRunner.MaxPageSize);
        _page = page ?? 1;
        _totalRecordCount = Flag(fetch, "returntotalrecordcount");
        if ((string?)fetch.Attribute("paging-cookie") is { Length: > 0 } cookie)
        {
            _pagingCookie = Load(cookie, "paging-cookie");
        }
    }

    private FetchLink Link(XElement element)
    {
        FetchXml.OnlyAttributes(element, ["name", "from", "to", "alias", "link-type", "visible", "intersect"], []);
        var linkType = (string?)element.Attribute("link-type") ?? "inner";
        if (linkType is not ("inner" or "outer"))
        {
            throw linkType is "any" or "not any" or "all" or "not all" or "exists" or "in" or "matchfirstrowusingcrossapply"
                ? WebApiException.NotEmulated($"link-type='{linkType}'", "Only inner and outer.")
                : FetchXml.Invalid($"'{linkType}' is not a link-type.");
        }

        var name = (string?)element.Attribute("name") ?? throw FetchXml.Invalid("<link-entity> needs a 'name' attribute.");
        var table = DualWriteSchema.Tables.FirstOrDefault(t => t.LogicalName == name)
            ?? throw new WebApiException(400, "0x80041102", $"The entity with a name = '{name}' with namemapping = 'Logical' was not found in the MetadataCache.");
        if (element.Attribute("from") is null || element.Attribute("to") is null)
        {
            throw WebApiException.NotEmulated("A <link-entity> without both 'from' and 'to'", "Name the columns.");
        }

        var fromColumn = FetchXml.Attribute(table, element, "from");
        var toColumn = FetchXml.Attribute(_table, element, "to");
        if (Values.EdmType(fromColumn) != "Guid" || Values.EdmType(toColumn) != "Guid")
        {
            throw FetchXml.Invalid($"'{fromColumn}' and '{toColumn}' must both be unique identifiers or lookups to join on.");
        }

        // Without an alias Dataverse names the columns after the table, numbered: contact1.fullname.
        var alias = (string?)element.Attribute("alias") ?? name + "1";
        var (attributes, all) = Columns(table, element, ["attribute", "all-attributes", "filter", "order", "link-entity"]);
        var conditions = new List<string>();
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "filter":
                    conditions.Add(Filter(table, FetchXml.LinkedAlias, child));
                    break;
                case "order":
                    throw WebApiException.NotEmulated("<order> inside <link-entity>", "Order by columns of the main entity.");
                case "link-entity":
                    throw WebApiException.NotEmulated("Nested <link-entity> (more than one level)");
            }
        }

        return new FetchLink(table, fromColumn, toColumn, alias, linkType == "outer", all ? [.. table.WebApiColumns] : attributes, conditions);
    }

    // <attribute> and <all-attributes/> children of an entity or link-entity; the other allowed child names pass.
    private static (List<DualWriteColumn> Attributes, bool All) Columns(DualWriteTable table, XElement element, string[] allowed)
    {
        var attributes = new List<DualWriteColumn>();
        var all = false;
        foreach (var child in element.Elements())
        {
            var name = child.Name.LocalName;
            if (!allowed.Contains(name))
            {
                throw FetchXml.Invalid($"<{name}> is not allowed inside <{element.Name.LocalName}>.");
            }

            if (name == "all-attributes")
            {
                all = true;
            }
            else if (name == "attribute")
            {
                FetchXml.OnlyAttributes(child, ["name"], ["alias", "aggregate", "groupby", "dategrouping", "distinct", "usertimezone", "rowaggregate", "build"]);
                var column = FetchXml.Attribute(table, child);
                if (!attributes.Contains(column))
                {
                    attributes.Add(column);
                }
            }
        }

        return (attributes, all);
    }

    // <filter type="and|or"> with <condition> and nested <filter> children -> a SQL condition on the alias's table.
    private string Filter(DualWriteTable table, string alias, XElement filter)
    {
        FetchXml.OnlyAttributes(filter, ["type"], ["hint", "isquickfindfields", "overridequickfindrecordlimitenabled", "overridequickfindrecordlimitdisabled", "bypassquickfind"]);
        var type = (string?)filter.Attribute("type") ?? "and";
        if (type is not ("and" or "or"))
        {
            throw FetchXml.Invalid($"'{type}' is not a filter type: use 'and' or 'or'.");
        }

        var parts = new List<string>();
        foreach (var child in filter.Elements())
        {
            parts.Add(child.Name.LocalName switch
            {
                "condition" => Condition(table, alias, child),
                "filter" => Filter(table, alias, child),
                "link-entity" => throw WebApiException.NotEmulated("<link-entity> inside <filter> (any/not any/all)"),
                var other => throw FetchXml.Invalid($"<{other}> is not allowed inside <filter>."),
            });
        }

        return parts.Count == 0 ? "1=1" : string.Join(type == "and" ? " AND " : " OR ", parts.Select(p => "(" + p + ")"));
    }

    private string Condition(DualWriteTable table, string alias, XElement condition)
    {
        FetchXml.OnlyAttributes(condition, ["attribute", "operator", "value", "uiname", "uitype", "uihidden"], ["entityname", "valueof", "column", "aggregate", "alias", "rowaggregate"]);
        var op = (string?)condition.Attribute("operator") ?? throw FetchXml.Invalid("<condition> needs an 'operator' attribute.");
        if (!FetchXml.KnownOperator(op))
        {
            throw FetchXml.Invalid($"'{op}' is not a condition operator.");
        }

        var column = FetchXml.Attribute(table, condition, "attribute");
        var target = FetchXml.Ref(alias, column);
        var values = condition.Elements().Select(e => e.Name.LocalName == "value" ? e.Value : throw FetchXml.Invalid($"<{e.Name.LocalName}> is not allowed inside <condition>.")).ToList();
        if ((string?)condition.Attribute("value") is { } single)
        {
            values.Insert(0, single);
        }

        string One()
        {
            return values is [var value] ? Parameter(table, column, value)
                : throw FetchXml.Invalid($"The '{op}' operator takes exactly one value, got {values.Count}.");
        }

        string Pattern(string prefix, string suffix)
        {
            if (column.Type != ColumnType.Text)
            {
                throw FetchXml.Invalid($"The '{op}' operator applies to text columns, not to '{column.LogicalName}'.");
            }

            // Wildcards inside the value are honoured (like), as Dataverse does; SQLite's LIKE is case-insensitive (ASCII).
            return values is [var value] ? _parameters.Add(prefix + value + suffix)
                : throw FetchXml.Invalid($"The '{op}' operator takes exactly one value, got {values.Count}.");
        }

        return op switch
        {
            "eq" => $"{target} = {One()}",
            "ne" or "neq" => $"{target} <> {One()}",
            "gt" => $"{target} > {One()}",
            "ge" => $"{target} >= {One()}",
            "lt" => $"{target} < {One()}",
            "le" => $"{target} <= {One()}",
            "like" => $"{target} LIKE {Pattern("", "")}",
            "not-like" => $"{target} NOT LIKE {Pattern("", "")}",
            "begins-with" => $"{target} LIKE {Pattern("", "%")}",
            "ends-with" => $"{target} LIKE {Pattern("%", "")}",
            "null" or "not-null" when values.Count > 0 => throw FetchXml.Invalid($"The '{op}' operator takes no value."),
            "null" => $"{alias}.{Sql.Quote(column.LogicalName)} IS NULL",
            "not-null" => $"{alias}.{Sql.Quote(column.LogicalName)} IS NOT NULL",
            "in" when values.Count == 0 => throw FetchXml.Invalid("The 'in' operator needs at least one <value>."),
            "in" => $"{target} IN ({string.Join(", ", values.Select(v => Parameter(table, column, v)))})",
            _ => throw WebApiException.NotEmulated($"The '{op}' condition operator"),
        };
    }

    // A FetchXML value (always text) -> the SQL parameter holding the column's stored value.
    private string Parameter(DualWriteTable table, DualWriteColumn column, string text)
    {
        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        var invariant = CultureInfo.InvariantCulture;
        object? value = column.Type switch
        {
            ColumnType.Text => text,
            ColumnType.UniqueIdentifier or ColumnType.Lookup => Guid.TryParse(text, out var g) ? g : null,
            ColumnType.TwoOptions => text switch { "1" or "true" => true, "0" or "false" => false, _ => null },
            ColumnType.Money or ColumnType.DecimalNumber => decimal.TryParse(text, NumberStyles.Float, invariant, out var d) ? d : null,
            ColumnType.DateTime => DateTime.TryParse(text, invariant, utc, out var t) ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null,
            ColumnType.DateOnly => DateTime.TryParse(text, invariant, utc, out var day) ? DateOnly.FromDateTime(day) : null,
            _ => long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? l : null,
        };
        return value is null
            ? throw FetchXml.Invalid($"'{text}' is not a valid value for the attribute '{column.LogicalName}' of '{table.LogicalName}' (Edm.{Values.EdmType(column)}).")
            : Sql.CompareValue(column, _parameters.Add(Values.ToStore(column, value)));
    }

    // The cookie Dataverse returns (page-results): <cookie pagenumber="next page" pagingcookie="…" istracking="False" />,
    // where pagingcookie is, URL-encoded twice, <cookie page="this page"> with the sort values of the first and
    // last row, one element per sort column (GUIDs upper-case in braces).
    private string Cookie(List<(DualWriteColumn Column, bool Descending)> keys, List<(Row Row, Row? Linked)> rows)
    {
        var inner = new XElement("cookie", new XAttribute("page", _page));
        foreach (var (column, _) in keys)
        {
            var element = new XElement(column.LogicalName);
            if (CookieText(column, rows[^1].Row.Raw(column)) is { } last)
            {
                element.Add(new XAttribute("last", last));
            }

            if (CookieText(column, rows[0].Row.Raw(column)) is { } first)
            {
                element.Add(new XAttribute("first", first));
            }

            inner.Add(element);
        }

        var encoded = Uri.EscapeDataString(Uri.EscapeDataString(inner.ToString(SaveOptions.DisableFormatting)));
        return $"<cookie pagenumber=\"{(_page + 1).ToString(CultureInfo.InvariantCulture)}\" pagingcookie=\"{encoded}\" istracking=\"False\" />";
    }

    private static string? CookieText(DualWriteColumn column, object? raw) => raw switch
    {
        null => null,
        _ when column.Type is ColumnType.UniqueIdentifier or ColumnType.Lookup => "{" + ((Guid)Values.FromStore(column, raw)!).ToString("D").ToUpperInvariant() + "}",
        _ => Convert.ToString(raw, CultureInfo.InvariantCulture),
    };

    // The last row's stored sort values from a paging cookie of the previous page; null when the cookie is for
    // another page or another order, which Dataverse ignores (non-consecutive pages fall back to simple paging).
    private List<object?>? CookieValues(List<(DualWriteColumn Column, bool Descending)> keys)
    {
        var cookie = _pagingCookie!;
        if (cookie.Name.LocalName != "cookie" || (string?)cookie.Attribute("page") != (_page - 1).ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        var elements = cookie.Elements().ToList();
        if (elements.Count != keys.Count || elements.Where((e, i) => e.Name.LocalName != keys[i].Column.LogicalName).Any())
        {
            return null;
        }

        var values = new List<object?>();
        for (var i = 0; i < keys.Count; i++)
        {
            var column = keys[i].Column;
            var text = (string?)elements[i].Attribute("last");
            values.Add(text switch
            {
                null => null,
                _ when column.Type is ColumnType.UniqueIdentifier or ColumnType.Lookup => Guid.TryParse(text, out var g) ? Values.ToStore(column, g)
                    : throw FetchXml.Invalid("The paging cookie is not valid for this query."),
                _ when column.Type is ColumnType.Choice or ColumnType.WholeNumber or ColumnType.TwoOptions =>
                    long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : throw FetchXml.Invalid("The paging cookie is not valid for this query."),
                _ => text,
            });
        }

        return values;
    }

    private static bool Flag(XElement element, string name) => (string?)element.Attribute(name) switch
    {
        null or "false" or "0" => false,
        "true" or "1" => true,
        var other => throw FetchXml.Invalid($"'{other}' is not a valid value for the '{name}' attribute of <{element.Name.LocalName}>."),
    };

    // Parses XML with DTDs refused, so a fetch cannot pull in entities or external files.
    private static XElement Load(string text, string what)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XElement.Load(reader);
        }
        catch (XmlException e)
        {
            throw FetchXml.Invalid($"The {what} is not well-formed XML: {e.Message}");
        }
    }
}

internal sealed record FetchLink(DualWriteTable Table, DualWriteColumn From, DualWriteColumn To, string Alias, bool Outer,
    List<DualWriteColumn> Attributes, List<string> Conditions);

internal sealed record FetchPage(List<(Row Row, Row? Linked)> Rows, bool MoreRecords, string? Cookie, int? Total);
