using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomerPortal.DualWrite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CustomerPortal.DataverseEmulator;

// /api/data/v9.2/...: the bearer check, the fault injector, then routing by the resource path (compose):
// service document, WhoAmI, {set}, {set}({key}), {set}/$count.
internal sealed partial class WebApi(
    RowVersions versions, TokenService tokens, Faults faults, RequestCounter counter, IOptionsMonitor<EmulatorOptions> options, MirrorConnectionFactory connections)
{
    public const string BasePath = "/api/data/v9.2";

    // Dataverse writes quotes in ETags as \" and non-ASCII text as is, not as \uXXXX escapes.
    private static readonly JsonWriterOptions JsonOutput = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly SemaphoreSlim WriteGate = new(1, 1);

    public async Task Handle(HttpContext http)
    {
        var response = http.Response;
        response.Headers["OData-Version"] = "4.0";
        counter.Count(http.Request.Path);
        await faults.Delay(http.RequestAborted);

        // No, invalid or expired token: 401 with the bearer challenge ServiceClient and MSAL-based clients read (6.3).
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || !tokens.Validate(authorization[7..].Trim(), tokens.Resource(http)))
        {
            var origin = TokenService.Origin(http);
            response.StatusCode = 401;
            response.Headers.WWWAuthenticate = $"Bearer authorization_uri={origin}/{options.CurrentValue.TenantId}/oauth2/authorize, resource_id={origin}/";
            return;
        }

        if (faults.Decide(response) is { } status)
        {
            await Error(http, status == 429
                ? new WebApiException(429, "0x80072322", "Number of requests exceeded the limit of 6000 over time window of 300 seconds.")
                : new WebApiException(503, "", "The service is temporarily unavailable."));
            return;
        }

        await RouteAnsweringErrors(http);
    }

    private async Task RouteAnsweringErrors(HttpContext http)
    {
        try
        {
            await Route(http);
        }
        catch (WebApiException e)
        {
            await Error(http, e);
        }
        catch (JsonException)
        {
            await Error(http, new WebApiException(400, "0x80048d19", "The request body is not valid JSON."));
        }
    }

    private async Task Route(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var method = http.Request.Method;
        FetchXml.RefuseOutsideCollectionGet(http.Request, path);
        if (path is "" or "/")
        {
            await ServiceDocument(http);
            return;
        }

        if (path is "/$metadata")
        {
            await Csdl.Write(http);
            return;
        }

        if (path is "/WhoAmI" or "/WhoAmI()")
        {
            var settings = options.CurrentValue;
            await WriteJson(http, 200, json =>
            {
                json.WriteString("@odata.context", ApiRoot(http) + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
                json.WriteString("BusinessUnitId", settings.BusinessUnitId.ToString("D"));
                json.WriteString("UserId", settings.UserId.ToString("D"));
                json.WriteString("OrganizationId", settings.OrganizationId.ToString("D"));
            });
            return;
        }

        if (path is "/$batch")
        {
            await Batch(http);
            return;
        }

        var resource = Resource.Parse(path);
        RejectNotEmulated(http);
        using var lease = Mirror(http);
        var connection = lease.Connection;
        var (table, keys) = (resource.Table, resource.Keys);
        switch (method, resource.Kind)
        {
            case ("GET", ResourceKind.Count):
                await CountOnly(http, connection, table);
                break;
            case ("GET", ResourceKind.Collection):
                await GetCollection(http, connection, table);
                break;
            case ("GET", ResourceKind.Record):
                await GetOne(http, connection, table, keys!);
                break;
            case ("POST", ResourceKind.Collection):
                await Create(http, connection, table);
                break;
            case ("PATCH", ResourceKind.Record):
                await Upsert(http, connection, table, keys!);
                break;
            case ("DELETE", ResourceKind.Record):
                await Delete(http, connection, table, keys!);
                break;
            case ("PATCH" or "PUT" or "DELETE", ResourceKind.Collection):
                // compose: DELETE or PATCH on a collection is a wrong method/resource combination.
                throw new WebApiException(405, "0x80060888", $"The HTTP method '{method}' is not supported on an entity set.");
            default:
                await RouteRelated(http, connection, resource);
                break;
        }
    }

    // An entity set, or with scope the records a collection-valued navigation property of one record relates
    // (retrieve: salesorders(id)/order_details), with the same query options and paging.
    private async Task GetCollection(HttpContext http, SqliteConnection connection, DualWriteTable table, (DualWriteColumn Column, object? Raw)? scope = null)
    {
        if (FetchXml.Handles(http.Request))
        {
            await FetchXml.Run(http, connection, table, versions);
            return;
        }

        var prefer = Prefer.Parse(http.Request);
        var options = Options(http);
        var query = ReadQuery.Parse(table, options, nested: false, collection: true);
        query.Scope = scope;

        // odata.maxpagesize (<= 5000) pages; $top alone limits; both: $top is ignored (q-overview, q-page).
        var paged = prefer.MaxPageSize is not null || query.Top is null;
        var pageSize = prefer.MaxPageSize is { } max
            ? Math.Clamp(max, 1, QueryRunner.MaxPageSize)
            : Math.Min(query.Top ?? QueryRunner.MaxPageSize, QueryRunner.MaxPageSize);
        var (rows, next) = QueryRunner.Page(connection, query, pageSize, options.GetValueOrDefault("$skiptoken"));
        if (!paged)
        {
            next = null;
        }

        int? total = query.Count ? QueryRunner.Count(connection, query) : null;
        var writer = new RecordWriter(connection, versions, prefer.Annotations, ExpandPaging(http, query, prefer));
        writer.Prepare(query, rows);

        SetPreferenceApplied(http, prefer.MaxPageSize is not null ? $"odata.maxpagesize={pageSize}" : null, prefer.Annotations.Header);
        await WriteJson(http, 200, json =>
        {
            json.WriteString("@odata.context", Context(http, query, entity: false));
            if (total is { } t)
            {
                // Capped at 5,000 whatever the real count (q-count).
                json.WriteNumber("@odata.count", Math.Min(t, QueryRunner.MaxPageSize));
            }

            if (prefer.Annotations.Includes(AnnotationFilter.TotalRecordCount))
            {
                json.WriteNumber("@" + AnnotationFilter.TotalRecordCount, total is { } c ? Math.Min(c, QueryRunner.MaxPageSize) : -1);
                json.WriteBoolean("@" + AnnotationFilter.TotalRecordCountLimitExceeded, total > QueryRunner.MaxPageSize);
            }

            json.WritePropertyName("value");
            json.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteObject(json, query, row);
            }

            json.WriteEndArray();
            if (next is not null)
            {
                json.WriteString("@odata.nextLink", NextLink(http, next));
            }
        });
    }

    private async Task GetOne(HttpContext http, SqliteConnection connection, DualWriteTable table, Keys keys)
    {
        var prefer = Prefer.Parse(http.Request);
        var query = ReadQuery.Parse(table, Options(http), nested: false, collection: false);
        var row = keys.Find(connection) ?? throw keys.NotFound();
        // cond: If-None-Match with the current ETag answers 304 with no body, except when the request
        // expands navigation properties or asks for annotations (those answers are never conditional).
        var etag = versions.ETag(table.EntitySetName, row.Id);
        var matches = http.Request.Headers.IfNoneMatch.SelectMany(h => (h ?? "").Split(',', StringSplitOptions.TrimEntries)).Contains(etag);
        if (matches && query.Expands.Count == 0 && !prefer.Annotations.Any)
        {
            http.Response.Headers.ETag = etag;
            http.Response.StatusCode = 304;
            return;
        }

        await WriteRecord(http, connection, query, row, 200, prefer.Annotations, ExpandPaging(http, query, prefer));
    }

    private static async Task CountOnly(HttpContext http, SqliteConnection connection, DualWriteTable table, (DualWriteColumn Column, object? Raw)? scope = null)
    {
        var query = ReadQuery.Parse(table, Options(http), nested: false, collection: true);
        query.Scope = scope;
        var total = Math.Min(QueryRunner.Count(connection, query), QueryRunner.MaxPageSize);
        http.Response.ContentType = "text/plain";
        await http.Response.WriteAsync(total.ToString(CultureInfo.InvariantCulture), http.RequestAborted);
    }

    private async Task Create(HttpContext http, SqliteConnection connection, DualWriteTable table)
    {
        var body = await ReadBody(http);
        var id = await OneWriteAtATime(http, async () =>
        {
            using var db = Database(http, connection);
            return await new Writes(db, versions).Create(table, body.RootElement, null, http.RequestAborted);
        });
        await Written(http, connection, table, id, created: true);
    }

    // PATCH {set}({key}): update, or upsert-create when the record is missing (upsert). If-Match makes it
    // update-only (404 when missing, 412 on a stale ETag); If-None-Match: * makes it create-only (cond).
    private async Task Upsert(HttpContext http, SqliteConnection connection, DualWriteTable table, Keys keys)
    {
        var body = await ReadBody(http);
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        var (id, created) = await OneWriteAtATime(http, async () =>
        {
            var existing = keys.Find(connection);
            using var db = Database(http, connection);
            var writes = new Writes(db, versions);
            if (existing is null)
            {
                if (ifMatch.Length > 0)
                {
                    throw keys.NotFound();
                }

                return (await writes.Create(table, body.RootElement, keys.Id, http.RequestAborted, keys.Id is null ? keys.Parts : null), true);
            }

            if (ifNoneMatch == "*")
            {
                throw WebApiException.Duplicate();
            }

            if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch != versions.ETag(table.EntitySetName, existing.Id))
            {
                throw WebApiException.VersionMismatch();
            }

            await writes.Update(table, existing.Id, body.RootElement, http.RequestAborted);
            return (existing.Id, false);
        });
        await Written(http, connection, table, id, created, keys.Id is null ? keys.Segment : null);
    }

    // Writes go one at a time, so an existence check and the write that depends on it see the same mirror.
    private static async Task<T> OneWriteAtATime<T>(HttpContext http, Func<Task<T>> write)
    {
        if (http.Features.Get<ChangeSet>() is not null)
        {
            // The batch holds the gate for its whole change set.
            return await write();
        }

        await WriteGate.WaitAsync(http.RequestAborted);
        try
        {
            return await write();
        }
        finally
        {
            WriteGate.Release();
        }
    }

    // 204 + OData-EntityId, or with Prefer: return=representation 201 (create) / 200 (update) and the record,
    // shaped by $select/$expand on the request URL, without OData-EntityId (create, update).
    private async Task Written(HttpContext http, SqliteConnection connection, DualWriteTable table, Guid id, bool created, string? alternateKey = null)
    {
        var prefer = Prefer.Parse(http.Request);
        if (!prefer.ReturnRepresentation)
        {
            http.Response.Headers["OData-EntityId"] = $"{ApiRoot(http)}{table.EntitySetName}({alternateKey ?? id.ToString("D")})";
            http.Response.StatusCode = 204;
            return;
        }

        var query = ReadQuery.Parse(table, Options(http), nested: false, collection: false);
        var row = Keys.ForId(table, id).Find(connection)!;
        SetPreferenceApplied(http, "return=representation", prefer.Annotations.Header);
        await WriteRecord(http, connection, query, row, created ? 201 : 200, prefer.Annotations);
    }

    private async Task WriteRecord(HttpContext http, SqliteConnection connection, ReadQuery query, Row row, int status, AnnotationFilter annotations, ExpandPaging? paging = null)
    {
        var writer = new RecordWriter(connection, versions, annotations, paging);
        writer.Prepare(query, [row]);
        http.Response.Headers.ETag = versions.ETag(query.Table.EntitySetName, row.Id);
        await WriteJson(http, status, json =>
        {
            json.WriteString("@odata.context", Context(http, query, entity: true));
            writer.WriteProperties(json, query, row);
        });
    }

    private static async Task ServiceDocument(HttpContext http) => await WriteJson(http, 200, json =>
    {
        json.WriteString("@odata.context", ApiRoot(http) + "$metadata");
        json.WritePropertyName("value");
        json.WriteStartArray();
        foreach (var table in DualWriteSchema.Tables.OrderBy(t => t.EntitySetName, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", table.EntitySetName);
            json.WriteString("kind", "EntitySet");
            json.WriteString("url", table.EntitySetName);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private static Dictionary<string, string> Options(HttpContext http)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in http.Request.Query)
        {
            if (values.Count > 1)
            {
                throw WebApiException.BadQuery($"Query option '{name}' was specified more than once, but it must be specified at most once.");
            }

            options[name] = values.ToString();
        }

        ParameterAliases.Apply(options);
        return options;
    }

    internal static string ApiRoot(HttpContext http) => $"{TokenService.Origin(http)}{http.Request.PathBase}/";

    private static string Context(HttpContext http, ReadQuery query, bool entity)
    {
        var select = query.ContextSelect();
        return $"{ApiRoot(http)}$metadata#{query.Table.EntitySetName}{(select.Length > 0 ? "(" + select + ")" : "")}{(entity ? "/$entity" : "")}";
    }

    // The request URL as sent, with our token in $skiptoken (q-page: the client follows it verbatim).
    private static string NextLink(HttpContext http, string token)
    {
        var query = (http.Request.QueryString.Value ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("$skiptoken=", StringComparison.Ordinal) && !p.StartsWith("%24skiptoken=", StringComparison.OrdinalIgnoreCase));
        var parts = query.Append("$skiptoken=" + Uri.EscapeDataString(token));
        return $"{ApiRoot(http).TrimEnd('/')}{http.Request.Path}?{string.Join("&", parts)}";
    }

    internal static void SetPreferenceApplied(HttpContext http, params string?[] preferences)
    {
        var applied = preferences.Where(p => p is not null).ToArray();
        if (applied.Length > 0)
        {
            http.Response.Headers["Preference-Applied"] = string.Join(",", applied);
        }
    }

    private static async Task<JsonDocument> ReadBody(HttpContext http) => await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);

    internal static async Task WriteJson(HttpContext http, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; odata.metadata=minimal";
        await http.Response.Body.WriteAsync(buffer.ToArray(), http.RequestAborted);
    }

    public static async Task Error(HttpContext http, WebApiException error) => await WriteJson(http, error.Status, json =>
    {
        json.WritePropertyName("error");
        json.WriteStartObject();
        json.WriteString("code", error.Code);
        json.WriteString("message", error.Message);
        json.WriteEndObject();
    });

}

// The Prefer header (compose, q-page): several comma-separated preferences, possibly in several headers.
internal sealed record Prefer(int? MaxPageSize, AnnotationFilter Annotations, bool ReturnRepresentation)
{
    public static Prefer Parse(HttpRequest request)
    {
        int? maxPageSize = null;
        var annotations = new List<string>();
        var representation = false;
        foreach (var header in request.Headers["Prefer"])
        {
            foreach (var preference in ReadQuery.SplitTopLevel(QuotesAsParens(header ?? ""), ','))
            {
                var text = preference.Trim();
                if (text.StartsWith("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(text["odata.maxpagesize=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
                {
                    maxPageSize = size;
                }
                else if (text.StartsWith("odata.include-annotations=", StringComparison.OrdinalIgnoreCase))
                {
                    annotations.AddRange(text["odata.include-annotations=".Length..].Trim('(', ')', '"').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }
                else if (text.Equals("return=representation", StringComparison.OrdinalIgnoreCase))
                {
                    representation = true;
                }
            }
        }

        return new Prefer(maxPageSize, annotations.Count == 0 ? AnnotationFilter.None : new AnnotationFilter(annotations), representation);
    }

    // The annotation list is a quoted, comma-separated value; turning the quotes into parentheses lets
    // the top-level splitter keep it in one piece.
    private static string QuotesAsParens(string header)
    {
        var builder = new StringBuilder(header.Length);
        var open = false;
        foreach (var c in header)
        {
            builder.Append(c == '"' ? ((open = !open) ? '(' : ')') : c);
        }

        return builder.ToString();
    }
}

// One connection per request to the mirror file; foreign keys on, as EF's SQLite provider has them.
internal sealed class MirrorConnectionFactory(IOptions<EmulatorOptions> options)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = options.Value.MirrorPath,
        Mode = SqliteOpenMode.ReadWrite,
        ForeignKeys = true,
        DefaultTimeout = 30,
    }.ToString();

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
