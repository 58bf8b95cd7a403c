using System.Text.Json;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.DualWrite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.DataverseEmulator;

// The URLs below one record: single properties ("Retrieve a table row using the Web API", "Update and delete
// table rows using the Web API": GET/PUT/DELETE {set}(id)/{property}, /$value), navigation properties
// (salesorders(id)/order_details, salesorderdetails(id)/salesorderid) and $ref association ("Associate and
// disassociate table rows using the Web API"). Writes go through Writes.Update, so they behave as a PATCH would.
internal sealed partial class WebApi
{
    private async Task RouteRelated(HttpContext http, SqliteConnection connection, Resource resource)
    {
        var method = http.Request.Method;
        var (table, keys) = (resource.Table, resource.Keys!);
        switch (method, resource.Kind)
        {
            case ("GET", ResourceKind.Property or ResourceKind.PropertyValue):
                await GetProperty(http, connection, resource);
                break;
            case ("PUT", ResourceKind.Property):
                await PutProperty(http, connection, resource);
                break;
            case ("DELETE", ResourceKind.Property):
                await Update(http, connection, table, keys, Body(resource.Property!.LogicalName, null));
                break;
            case ("GET", ResourceKind.Navigation) when resource.Lookup is { } lookup:
                await GetRelatedRecord(http, connection, table, keys, lookup);
                break;
            case ("GET", ResourceKind.Navigation):
                await GetCollection(http, connection, resource.Collection!.Child, Scope(connection, resource));
                break;
            case ("GET", ResourceKind.NavigationCount):
                await CountOnly(http, connection, resource.Collection!.Child, Scope(connection, resource));
                break;
            case ("PUT", ResourceKind.Reference) when resource.Lookup is { } lookup:
                await Update(http, connection, table, keys, Body(lookup.Lookup!.NavigationProperty + "@odata.bind", await ReferencedUrl(http)));
                break;
            case ("DELETE", ResourceKind.Reference) when resource.Lookup is { } lookup:
                await Update(http, connection, table, keys, Body(lookup.Lookup!.NavigationProperty + "@odata.bind", null));
                break;
            case ("POST", ResourceKind.Reference) when resource.RelatedKeys is null:
                await AssociateChild(http, connection, resource, await ReferencedUrl(http), associate: true);
                break;
            case ("DELETE", ResourceKind.Reference):
                var child = resource.RelatedKeys is not null ? null
                    : http.Request.Query["$id"].ToString() is { Length: > 0 } id ? id
                    : throw WebApiException.BadQuery("Disassociating from a collection needs the related record's key in the URL or $id.");
                await AssociateChild(http, connection, resource, child, associate: false);
                break;
            default:
                throw WebApiException.NotEmulated($"The HTTP method '{method}' on '{http.Request.Path}'");
        }
    }

    private static async Task GetProperty(HttpContext http, SqliteConnection connection, Resource resource)
    {
        var property = resource.Property!;
        var row = resource.Keys!.Find(connection) ?? throw resource.Keys.NotFound();
        var value = row.Value(property);
        if (value is null)
        {
            // A null property has no value to return (OData: 204 No Content).
            http.Response.StatusCode = 204;
            return;
        }

        if (resource.Kind == ResourceKind.PropertyValue)
        {
            var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                Values.Write(json, property, value);
            }

            var element = JsonDocument.Parse(buffer.ToArray()).RootElement;
            http.Response.ContentType = "text/plain";
            await http.Response.WriteAsync(element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText(), http.RequestAborted);
            return;
        }

        await WriteJson(http, 200, json =>
        {
            json.WriteString("@odata.context", $"{ApiRoot(http)}$metadata#{Resource.RecordUrl(resource.Table, row.Id)}/{property.WebApiName}");
            json.WritePropertyName("value");
            Values.Write(json, property, value);
        });
    }

    // PUT {set}(id)/{property} with {"value": …} (update). Lookups are set through @odata.bind or $ref instead.
    private async Task PutProperty(HttpContext http, SqliteConnection connection, Resource resource)
    {
        var property = resource.Property!;
        if (property.Lookup is not null || property.IsPrimaryKey)
        {
            throw WebApiException.BadPayload(resource.Table, $"The property '{property.WebApiName}' cannot be set with PUT; use @odata.bind or $ref for lookups.");
        }

        using var body = await ReadBody(http);
        if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("value", out var value))
        {
            throw WebApiException.BadPayload(resource.Table, "A single-property update needs a body {\"value\": …}.");
        }

        await Update(http, connection, resource.Table, resource.Keys!, Body(property.LogicalName, value));
    }

    private async Task GetRelatedRecord(HttpContext http, SqliteConnection connection, DualWriteTable table, Keys keys, DualWriteColumn lookup)
    {
        var row = keys.Find(connection) ?? throw keys.NotFound();
        var target = lookup.Lookup!.Target;
        var typeMatches = lookup.Lookup.TypeColumn is null || (string?)row.Value(lookup.Lookup.TypeColumn) == target.LogicalName;
        if (row.Value(lookup) is not Guid id || !typeMatches)
        {
            // No related record: nothing to return (OData: 204 No Content).
            http.Response.StatusCode = 204;
            return;
        }

        await GetOne(http, connection, target, Keys.ForId(target, id));
    }

    // The rows of a collection-valued navigation: the child's lookup equal to the (existing) parent's key.
    private static (DualWriteColumn Column, object? Raw) Scope(SqliteConnection connection, Resource resource)
    {
        var parent = resource.Keys!.Find(connection) ?? throw resource.Keys.NotFound();
        return (resource.Collection!.ChildLookup(resource.Table), parent.Raw(resource.Table.PrimaryKey));
    }

    // POST {set}(id)/{collection}/$ref {"@odata.id": child URL} sets the child's lookup to this record;
    // DELETE …/{collection}(childid)/$ref (or ?$id=child URL) clears it (assoc).
    private async Task AssociateChild(HttpContext http, SqliteConnection connection, Resource resource, string? childUrl, bool associate)
    {
        var collection = resource.Collection!;
        var parent = resource.Keys!.Find(connection) ?? throw resource.Keys.NotFound();
        var childLookup = collection.ChildLookup(resource.Table);
        Keys childKeys;
        if (childUrl is null)
        {
            childKeys = resource.RelatedKeys!;
        }
        else
        {
            using var db = Database(http, connection);
            childKeys = Keys.ForId(collection.Child, new Writes(db, versions).Reference(collection.Child, childUrl));
        }

        var child = childKeys.Find(connection) ?? throw childKeys.NotFound();
        if (!associate && child.Value(childLookup) as Guid? != parent.Id)
        {
            throw childKeys.NotFound();
        }

        var bind = childLookup.Lookup!.NavigationProperty + "@odata.bind";
        await Update(http, connection, collection.Child, childKeys, Body(bind, associate ? "/" + Resource.RecordUrl(resource.Table, parent.Id) : null));
    }

    // Updates an existing record with a PATCH-shaped body and answers 204.
    private async Task Update(HttpContext http, SqliteConnection connection, DualWriteTable table, Keys keys, JsonDocument body)
    {
        using (body)
        {
            await OneWriteAtATime(http, async () =>
            {
                var existing = keys.Find(connection) ?? throw keys.NotFound();
                using var db = Database(http, connection);
                await new Writes(db, versions).Update(table, existing.Id, body.RootElement, http.RequestAborted);
                return existing.Id;
            });
        }

        http.Response.StatusCode = 204;
    }

    private static async Task<string> ReferencedUrl(HttpContext http)
    {
        using var body = await ReadBody(http);
        return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("@odata.id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : throw new WebApiException(400, "0x80048d19", "The request body must be {\"@odata.id\": \"<record URL>\"}.");
    }

    // A one-property JSON object: {name: value}, value a JSON element, a string or null.
    private static JsonDocument Body(string name, object? value)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName(name);
            switch (value)
            {
                case JsonElement element:
                    element.WriteTo(json);
                    break;
                case string text:
                    json.WriteStringValue(text);
                    break;
                default:
                    json.WriteNullValue();
                    break;
            }

            json.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.ToArray());
    }

    // Requests Dataverse serves that the emulator does not: change tracking (Prefer: odata.track-changes).
    private static void RejectNotEmulated(HttpContext http)
    {
        if (http.Request.Headers["Prefer"].Any(p => p?.Contains("odata.track-changes", StringComparison.OrdinalIgnoreCase) == true))
        {
            throw WebApiException.NotEmulated("Change tracking (Prefer: odata.track-changes)");
        }
    }

    // Paging of expanded collections applies to queries with a nested $expand (ml-expand); the link is the
    // related-collection URL of the parent record with the expansion's own options and a $skiptoken.
    private static ExpandPaging? ExpandPaging(HttpContext http, ReadQuery query, Prefer prefer) => !query.HasNestedExpand ? null : new ExpandPaging(
        Math.Clamp(prefer.MaxPageSize ?? QueryRunner.MaxPageSize, 1, QueryRunner.MaxPageSize),
        (parent, id, expand, token) =>
        {
            var options = expand.OptionsQuery();
            return $"{ApiRoot(http)}{Resource.RecordUrl(parent, id)}/{expand.Navigation}?{options}{(options.Length > 0 ? "&" : "")}$skiptoken={Uri.EscapeDataString(token)}";
        });

    // The connection of the request: the change set's (one transaction for the whole change set, see Batch)
    // or a new one.
    private MirrorLease Mirror(HttpContext http) => http.Features.Get<ChangeSet>() is { } changeSet
        ? new MirrorLease(changeSet.Connection, owned: false)
        : new MirrorLease(connections.Open(), owned: true);

    private static DbContext Database(HttpContext http, SqliteConnection connection)
    {
        var db = MirrorDatabase.Open(connection);
        if (http.Features.Get<ChangeSet>() is not null)
        {
            // The change set's savepoint is the transaction; EF must not try to open its own.
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        }

        return db;
    }
}

internal sealed class MirrorLease(SqliteConnection connection, bool owned) : IDisposable
{
    public SqliteConnection Connection { get; } = connection;

    public void Dispose()
    {
        if (owned)
        {
            Connection.Dispose();
        }
    }
}

// Marks a request that runs inside a $batch change set: its connection holds the change set's savepoint and
// the batch already holds the write gate.
internal sealed class ChangeSet(SqliteConnection connection)
{
    public SqliteConnection Connection { get; } = connection;
}
