using CustomerPortal.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Tests.DataSource;

// A data directory seeded before issue 11 lacks msdyn_shipvia and the new line columns: the portal says
// so at start-up with the fix instead of failing later with SQLite's "no such column".
public sealed class OlderMirrorTests(SeededDemoMirror mirror)
{
    [Theory]
    [InlineData("DROP TABLE msdyn_shipvia", "has no table msdyn_shipvia")]
    [InlineData("ALTER TABLE salesorderdetail DROP COLUMN quantityshipped", "has no salesorderdetail.quantityshipped")]
    public void AMirrorFromBeforeTheDeliveryColumnsIsRefusedWithTheReseedCommand(string change, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"customerportal-older-{Guid.NewGuid():N}.db");
        try
        {
            using (var source = new SqliteConnection($"Data Source={mirror.MirrorPath};Mode=ReadOnly;Pooling=False"))
            {
                source.Open();
                using var backup = new SqliteConnection($"Data Source={path};Pooling=False");
                backup.Open();
                source.BackupDatabase(backup);
                using var command = backup.CreateCommand();
                command.CommandText = "PRAGMA foreign_keys = OFF; " + change;
                command.ExecuteNonQuery();
            }

            var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSqliteMirror(path));

            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.Contains("./run.sh --reseed", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
