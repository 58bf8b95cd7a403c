using CustomerPortal.DualWrite;
using Microsoft.Data.Sqlite;

namespace CustomerPortal.DataverseEmulator;

// SQL fragments over the mirror's storage conventions. Decimals are stored as text by EF's SQLite provider,
// so they compare and sort as REAL; strings compare case-insensitively as Dataverse's SQL Server collation does.
internal static class Sql
{
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Compared(DualWriteColumn column) => column.Type switch
    {
        ColumnType.Money or ColumnType.DecimalNumber => $"CAST({Quote(column.LogicalName)} AS REAL)",
        ColumnType.Text => $"{Quote(column.LogicalName)} COLLATE NOCASE",
        _ => Quote(column.LogicalName),
    };

    public static void Execute(SqliteConnection connection, string sql, SqlParameters? parameters = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        parameters?.Apply(command);
        command.ExecuteNonQuery();
    }

    public static string CompareValue(DualWriteColumn column, string parameter) =>
        column.Type is ColumnType.Money or ColumnType.DecimalNumber ? $"CAST({parameter} AS REAL)" : parameter;
}

internal sealed class SqlParameters
{
    private readonly List<(string Name, object? Value)> _values = [];

    public string Add(object? value)
    {
        var name = "$p" + _values.Count;
        _values.Add((name, value));
        return name;
    }

    public void Apply(SqliteCommand command)
    {
        foreach (var (name, value) in _values)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }
}
