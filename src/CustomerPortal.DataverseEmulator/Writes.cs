using System.Globalization;
using System.Text.Json;
using CustomerPortal.DualWrite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.DataverseEmulator;

// Create (with deep insert), update and upsert through the EF model of the mirror, so one SaveChanges is one
// transaction (create: deep insert is atomic) and values are stored exactly as the SQLite adapter stores them.
internal sealed class Writes(DbContext db, RowVersions versions)
{
    private static long _orderNumbers;

    // Columns the platform sets; values sent by the client are ignored (they are not valid for create/update).
    private static readonly HashSet<string> ServerSet = ["createdon", "modifiedon", "ordernumber"];

    private readonly List<(string Set, Guid Id)> _touched = [];

    // keyValues: the alternate key of an upsert-create, written unless the body has the column (upsert: body wins).
    public async Task<Guid> Create(DualWriteTable table, JsonElement body, Guid? id, CancellationToken cancellationToken,
        IReadOnlyList<(DualWriteColumn Column, object Value)>? keyValues = null)
    {
        var entity = Build(table, body, id, keyValues);
        if (await db.FindAsync(table.RowType, [Key(table, entity)], cancellationToken) is not null)
        {
            throw WebApiException.Duplicate();
        }

        db.Add(entity);
        await Save(cancellationToken);
        return Key(table, entity);
    }

    public async Task Update(DualWriteTable table, Guid id, JsonElement body, CancellationToken cancellationToken)
    {
        var entity = await db.FindAsync(table.RowType, [id], cancellationToken) ?? throw WebApiException.NotFound(table, id);
        var provided = Apply(table, entity, body, create: false);
        if (table.FindColumn("modifiedon") is { } modified && !provided.Contains("modifiedon"))
        {
            SetValue(modified, entity, Now());
        }

        _touched.Add((table.EntitySetName, id));
        await Save(cancellationToken);
    }

    private object Build(DualWriteTable table, JsonElement body, Guid? id, IReadOnlyList<(DualWriteColumn Column, object Value)>? keyValues = null)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw WebApiException.BadPayload(table, "The payload must be a JSON object.");
        }

        var entity = Activator.CreateInstance(table.RowType)!;
        var provided = Apply(table, entity, body, create: true);
        // Body values win over the URL key on upsert-create (upsert).
        if (!provided.Contains(table.PrimaryKey.LogicalName))
        {
            SetValue(table.PrimaryKey, entity, id ?? Guid.NewGuid());
        }

        foreach (var (column, value) in keyValues ?? [])
        {
            if (!provided.Contains(column.LogicalName))
            {
                SetValue(column, entity, value);
                provided.Add(column.LogicalName);
            }
        }

        var now = Now();
        foreach (var column in new[] { "createdon", "modifiedon" })
        {
            if (table.FindColumn(column) is { } stamp)
            {
                SetValue(stamp, entity, now);
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

        _touched.Add((table.EntitySetName, Key(table, entity)));
        return entity;
    }

    // Sets the columns, lookups (@odata.bind) and, on create, the deep-inserted collections of the body.
    private HashSet<string> Apply(DualWriteTable table, object entity, JsonElement body, bool create)
    {
        var provided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name;
            if (name.EndsWith("@odata.bind", StringComparison.Ordinal))
            {
                var navigation = name[..^"@odata.bind".Length];
                if (table.FindLookup(navigation) is not { Lookup: { } lookup } column)
                {
                    throw WebApiException.BadPayload(table, $"An undeclared property '{navigation}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.");
                }

                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    SetValue(column, entity, !column.IsRequired ? null : throw WebApiException.BadPayload(table, $"The lookup '{navigation}' cannot be cleared."));
                }
                else
                {
                    SetValue(column, entity, Resolve(lookup.Target, property.Value.GetString() ?? ""));
                    if (lookup.TypeColumn is not null)
                    {
                        SetValue(table.Column(lookup.TypeColumn), entity, lookup.Target.LogicalName);
                    }
                }

                provided.Add(column.LogicalName);
            }
            else if (name.Contains('@', StringComparison.Ordinal))
            {
                // Other instance annotations (@odata.type, ...) carry no data.
            }
            else if (table.FindCollection(name) is { } collection)
            {
                if (!create || property.Value.ValueKind != JsonValueKind.Array)
                {
                    throw WebApiException.BadPayload(table, $"Deep insert of '{name}' needs an array and is only supported on create.");
                }

                var children = (System.Collections.IList)collection.Property.GetValue(entity)!;
                foreach (var child in property.Value.EnumerateArray())
                {
                    children.Add(Build(collection.Child, child, null));
                }
            }
            else if (table.FindColumn(name) is { IsLookupType: false, Lookup: null } column)
            {
                if (ServerSet.Contains(name) || (!create && column.IsPrimaryKey))
                {
                    continue;
                }

                SetValue(column, entity, Values.FromJson(table, column, property.Value));
                provided.Add(name);
            }
            else
            {
                throw WebApiException.BadPayload(table, $"The property '{name}' does not exist on type '{table.TypeName()}'. Make sure to only use property names that are defined by the type or mark the type as open type.");
            }
        }

        return provided;
    }

    // The id of the existing record a URL names (an @odata.id of a $ref body).
    public Guid Reference(DualWriteTable target, string reference) => Resolve(target, reference);

    // "/accounts(guid)", "accounts(guid)", an absolute URL, or an alternate key "cdm_companies(cdm_companycode='USMF')".
    private Guid Resolve(DualWriteTable target, string reference)
    {
        var path = reference;
        var api = path.IndexOf("/api/data/v9.2/", StringComparison.OrdinalIgnoreCase);
        if (api >= 0)
        {
            path = path[(api + "/api/data/v9.2/".Length)..];
        }

        path = path.TrimStart('/');
        var open = path.IndexOf('(', StringComparison.Ordinal);
        if (open < 0 || !path.EndsWith(')') || path[..open] != target.EntitySetName)
        {
            throw WebApiException.BadPayload(target, $"The reference '{reference}' is not a valid URL of a '{target.LogicalName}' record.");
        }

        var key = Keys.Parse(target, path[(open + 1)..^1]);
        return key.Find((SqliteConnection)db.Database.GetDbConnection())?.Id ?? throw key.NotFound();
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

    private static Guid Key(DualWriteTable table, object entity) => (Guid)table.PrimaryKey.Property.GetValue(entity)!;

    private static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    private static void SetValue(DualWriteColumn column, object entity, object? value)
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
