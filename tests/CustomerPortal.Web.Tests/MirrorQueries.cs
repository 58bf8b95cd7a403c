using Microsoft.Data.Sqlite;

namespace CustomerPortal.Web.Tests;

// Plain SQL over the seeded mirror, to know what the pages *should* show without asking the portal.
public sealed class MirrorQueries(string connectionString)
{
    public static MirrorQueries Open(string mirrorPath) => new($"Data Source={mirrorPath};Mode=ReadOnly");

    public string? AccountNumberOfOrder(string orderNumber) => Scalar<string>(
        "SELECT a.accountnumber FROM salesorder o JOIN account a ON a.accountid = o.customerid WHERE o.msdyn_salesordernumber = $p0",
        orderNumber);

    public T? Scalar<T>(string sql, params object[] parameters)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i, parameters[i]);
        }

        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public List<string> Strings(string sql, params object[] parameters)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i, parameters[i]);
        }

        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
