using System.Globalization;
using System.Text.Json;
using CustomerPortal.DualWrite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.DataverseEmulator;

// Create (with deep insert), update and upsert through the EF model of the mirror, so one SaveChanges is one
// transaction (create: deep insert is atomic) and values are stored exactly as the SQLite adapter stores them.
internal sealed class Writes(DbContext db, EntitySets sets, RowVersions versions)
{
    private static long _orderNumbers;

    // Columns the platform sets; values sent by the client are ignored (they are not valid for create/update).
    private static readonly HashSet<string> ServerSet = ["createdon", "modifiedon", "ordernumber"];

    private readonly List<(string Set, Guid Id)> _touched = [];

    public async Task<Guid> Create(EntitySet set, JsonElement body, Guid? id, CancellationToken cancellationToken)
    {
        var entity = Build(set, body, id);
        if (await Exists(set, Key(set, entity), cancellationToken))
        {
            throw WebApiException.Duplicate();
        }

        db.Add(entity);
        await Save(cancellationToken);
        return Key(set, entity);
    }

    public async Task Update(EntitySet set, Guid id, JsonElement body, CancellationToken cancellationToken)
    {
        var entity = await db.FindAsync(set.RowType, [id], cancellationToken) ?? throw WebApiException.NotFound(set, id);
        var provided = Apply(set, entity, body, create: false);
        if (set.ColumnsByName.TryGetValue("modifiedon", out var modified) && !provided.Contains("modifiedon"))
        {
            SetValue(modified, entity, Now());
        }

        _touched.Add((set.Name, id));
        await Save(cancellationToken);
    }

    public async Task<bool> Exists(EntitySet set, Guid id, CancellationToken cancellationToken) =>
        await db.FindAsync(set.RowType, [id], cancellationToken) is not null;

    private object Build(EntitySet set, JsonElement body, Guid? id)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw WebApiException.BadPayload(set, "The payload must be a JSON object.");
        }

        var entity = Activator.CreateInstance(set.RowType)!;
        var provided = Apply(set, entity, body, create: true);
        var keyColumn = set.ColumnsByName[set.Key];
        // Body values win over the URL key on upsert-create (upsert).
        if (!provided.Contains(set.Key))
        {
            SetValue(keyColumn, entity, id ?? Guid.NewGuid());
        }

        var now = Now();
        foreach (var column in new[] { "createdon", "modifiedon" })
        {
            if (set.ColumnsByName.TryGetValue(column, out var info))
            {
                SetValue(info, entity, now);
            }
        }

        if (entity is SalesOrderRow order)
        {
            // ordernumber is system-generated; statuscode defaults to New (ref-so). The processing status is
            // dual-write's to set; a new portal order starts Active as the SQLite adapter writes it.
            order.DataverseOrderNumber = "ORD-" + Interlocked.Increment(ref _orderNumbers).ToString("D5", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
            if (!provided.Contains("statuscode")) order.StatusReason = Core.Orders.SalesOrderStatusReason.New;
            if (!provided.Contains("msdyn_processingstatus")) order.ProcessingStatus = Core.Orders.ProcessingStatus.Active;
            foreach (var line in order.Lines)
            {
                line.SalesOrderId = order.SalesOrderId;
            }

            if (order.Lines.Count > 0)
            {
                if (!provided.Contains("totallineitemamount")) order.LineTotal = order.Lines.Sum(l => l.ExtendedAmount);
                if (!provided.Contains("totalamountlessfreight")) order.TotalAmountLessFreight = order.LineTotal - order.DiscountAmount;
                if (!provided.Contains("totalamount")) order.TotalAmount = order.TotalAmountLessFreight + order.FreightAmount + order.TaxAmount;
            }
        }
        else if (entity is SalesOrderLineRow line)
        {
            if (!provided.Contains("baseamount")) line.BaseAmount = decimal.Round(line.Quantity * line.PricePerUnit, 2);
            if (!provided.Contains("extendedamount")) line.ExtendedAmount = line.BaseAmount - line.DiscountAmount + line.Tax;
        }

        _touched.Add((set.Name, Key(set, entity)));
        return entity;
    }

    // Sets the columns, lookups (@odata.bind) and, on create, the deep-inserted collections of the body.
    private HashSet<string> Apply(EntitySet set, object entity, JsonElement body, bool create)
    {
        var provided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name;
            if (name.EndsWith("@odata.bind", StringComparison.Ordinal))
            {
                var navigation = name[..^"@odata.bind".Length];
                if (!set.LookupsByNavigation.TryGetValue(navigation, out var lookup))
                {
                    throw WebApiException.BadPayload(set, $"An undeclared property '{navigation}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.");
                }

                var column = set.ColumnsByName[lookup.Column];
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    SetValue(column, entity, column.Nullable ? null : throw WebApiException.BadPayload(set, $"The lookup '{navigation}' cannot be cleared."));
                }
                else
                {
                    var target = sets.Get(lookup.TargetSet);
                    SetValue(column, entity, Resolve(target, property.Value.GetString() ?? ""));
                    if (lookup.TypeColumn is not null)
                    {
                        SetValue(set.ColumnsByName[lookup.TypeColumn], entity, target.LogicalName);
                    }
                }

                provided.Add(lookup.Column);
            }
            else if (name.Contains('@', StringComparison.Ordinal))
            {
                // Other instance annotations (@odata.type, ...) carry no data.
            }
            else if (set.Collections.TryGetValue(name, out var collection))
            {
                if (!create || property.Value.ValueKind != JsonValueKind.Array)
                {
                    throw WebApiException.BadPayload(set, $"Deep insert of '{name}' needs an array and is only supported on create.");
                }

                var childSet = sets.Get(collection.ChildSet);
                var children = (System.Collections.IList)collection.Property.GetValue(entity)!;
                foreach (var child in property.Value.EnumerateArray())
                {
                    children.Add(Build(childSet, child, null));
                }
            }
            else if (set.ColumnsByName.TryGetValue(name, out var column) && !column.Hidden && !set.LookupsByColumn.ContainsKey(name))
            {
                if (ServerSet.Contains(name) || (!create && name == set.Key))
                {
                    continue;
                }

                SetValue(column, entity, Values.FromJson(set, column, property.Value));
                provided.Add(name);
            }
            else
            {
                throw WebApiException.BadPayload(set, $"The property '{name}' does not exist on type '{set.TypeName}'. Make sure to only use property names that are defined by the type or mark the type as open type.");
            }
        }

        return provided;
    }

    // "/accounts(guid)", "accounts(guid)", an absolute URL, or an alternate key "cdm_companies(cdm_companycode='USMF')".
    private Guid Resolve(EntitySet target, string reference)
    {
        var path = reference;
        var api = path.IndexOf("/api/data/v9.2/", StringComparison.OrdinalIgnoreCase);
        if (api >= 0)
        {
            path = path[(api + "/api/data/v9.2/".Length)..];
        }

        path = path.TrimStart('/');
        var open = path.IndexOf('(', StringComparison.Ordinal);
        if (open < 0 || !path.EndsWith(')') || path[..open] != target.Name)
        {
            throw WebApiException.BadPayload(target, $"The reference '{reference}' is not a valid URL of a '{target.LogicalName}' record.");
        }

        var key = Keys.Parse(target, path[(open + 1)..^1]);
        using var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        var parameters = new SqlParameters();
        command.CommandText = $"SELECT {Sql.Quote(target.Key)} FROM {Sql.Quote(target.LogicalName)} WHERE {key.Condition(parameters)}";
        parameters.Apply(command);
        return command.ExecuteScalar() is string found ? Guid.Parse(found) : throw key.NotFound();
    }

    private async Task Save(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 })
        {
            // Unique index (e.g. the mirror's (msdyn_company, msdyn_salesordernumber)) or primary key.
            throw WebApiException.Duplicate();
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteExtendedErrorCode: 787 or 1299 })
        {
            throw new WebApiException(400, "0x80040203", "A required column or lookup is missing or refers to a record that does not exist (the emulator's mirror enforces its foreign keys and NOT NULL columns).");
        }

        foreach (var (set, id) in _touched)
        {
            versions.Bump(set, id);
        }

        _touched.Clear();
    }

    private static Guid Key(EntitySet set, object entity) => (Guid)set.ColumnsByName[set.Key].Property.GetValue(entity)!;

    private static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    private static void SetValue(ColumnInfo column, object entity, object? value)
    {
        var property = column.Property;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        object? converted = value switch
        {
            null => null,
            _ when type.IsEnum => Enum.ToObject(type, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            long l when type == typeof(int) => checked((int)l),
            _ => value,
        };
        property.SetValue(entity, converted);
    }
}
