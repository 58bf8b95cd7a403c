using CustomerPortal.DualWrite;
using Microsoft.Data.Sqlite;

namespace CustomerPortal.DataverseEmulator;

internal sealed partial class WebApi
{
    // DELETE {set}({key}) → 204 (update: "Delete table rows using the Web API"); 404 when missing; If-Match with a
    // stale ETag → 412 (cond).
    private async Task Delete(HttpContext http, SqliteConnection connection, DualWriteTable table, Keys keys)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        await OneWriteAtATime(http, () =>
        {
            var row = keys.Find(connection) ?? throw keys.NotFound();
            if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch != versions.ETag(table.EntitySetName, row.Id))
            {
                throw WebApiException.VersionMismatch();
            }

            RecordDeletion.Delete(connection, row);
            return Task.FromResult(row.Id);
        });
        http.Response.StatusCode = 204;
    }
}

// Deleting a record with its relationships' cascade rules, as the dual-write schema declares them: the
// parental one-to-many collections (order_details, invoice_details) take their rows with the parent;
// any other record that must refer to it (a required lookup) restricts the delete; an optional lookup loses
// its link (Dataverse's default "Remove Link" behaviour). All in one savepoint: all or nothing.
internal static class RecordDeletion
{
    public static void Delete(SqliteConnection connection, Row row)
    {
        Sql.Execute(connection, "SAVEPOINT emulator_delete");
        try
        {
            DeleteWithRelated(connection, row);
            Sql.Execute(connection, "RELEASE emulator_delete");
        }
        catch
        {
            Sql.Execute(connection, "ROLLBACK TO emulator_delete");
            Sql.Execute(connection, "RELEASE emulator_delete");
            throw;
        }
    }

    private static void DeleteWithRelated(SqliteConnection connection, Row row)
    {
        var table = row.Table;
        var key = row.Raw(table.PrimaryKey);
        foreach (var referencing in DualWriteSchema.Tables)
        {
            foreach (var lookup in referencing.Lookups.Where(l => l.Lookup!.TargetRow == table.RowType))
            {
                var parameters = new SqlParameters();
                var condition = $"{Sql.Quote(lookup.LogicalName)} = {parameters.Add(key)}";
                var parental = table.Collections.Any(c => c.Parental && c.ChildRow == referencing.RowType && c.ChildLookup(table) == lookup);
                if (parental)
                {
                    foreach (var child in QueryRunner.Select(connection, referencing, [condition], parameters, null, null))
                    {
                        DeleteWithRelated(connection, child);
                    }
                }
                else if (lookup.IsRequired)
                {
                    if (QueryRunner.Select(connection, referencing, [condition], parameters, null, 1).Count > 0)
                    {
                        // CannotDeleteDueToAssociation (-2147220953); compose lists it under 405.
                        throw new WebApiException(405, "0x80040227", "The object you tried to delete is associated with another object and cannot be deleted.");
                    }
                }
                else
                {
                    var clear = lookup.Lookup!.TypeColumn is { } type ? $", {Sql.Quote(type)} = NULL" : "";
                    Sql.Execute(connection, $"UPDATE {Sql.Quote(referencing.LogicalName)} SET {Sql.Quote(lookup.LogicalName)} = NULL{clear} WHERE {condition}", parameters);
                }
            }
        }

        var own = new SqlParameters();
        Sql.Execute(connection, $"DELETE FROM {Sql.Quote(table.LogicalName)} WHERE {Sql.Quote(table.PrimaryKey.LogicalName)} = {own.Add(key)}", own);
    }
}
