using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore;

// Brings a portal store up to the current model, additively: missing tables and indexes are created,
// nothing is dropped, so the users of a running portal survive an upgrade. We cannot scaffold EF
// migrations here (Microsoft.EntityFrameworkCore.Design is not on our feed), and additive changes
// cover what the portal store needs so far. A new COLUMN on an existing table is not covered: add an
// explicit, idempotent ALTER TABLE step below when that day comes.
public static class PortalStoreSchema
{
    public static void EnsureCurrent(PortalDbContext db)
    {
        var statements = db.Database.GenerateCreateScript()
            .Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(MakeIdempotent)
            .ToList();

        db.Database.OpenConnection();
        try
        {
            using var transaction = db.Database.BeginTransaction();
            foreach (var statement in statements)
            {
#pragma warning disable EF1002 // The SQL is EF's own create script for our model, not user input.
                db.Database.ExecuteSqlRaw(statement);
#pragma warning restore EF1002
            }

            transaction.Commit();
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    private static string MakeIdempotent(string statement) => statement
        .Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal)
        .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.Ordinal)
        .Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal);
}
