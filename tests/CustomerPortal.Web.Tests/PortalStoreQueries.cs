using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CustomerPortal.Web.Tests;

// Plain SQL over a portal store, to check what the pages changed (or did not) without asking the portal.
public sealed class PortalStoreQueries(string connectionString)
{
    public static PortalStoreQueries Open(string path) => new($"Data Source={path};Mode=ReadOnly;Pooling=False");

    public DateTimeOffset? LockoutEnd(string email)
    {
        var value = Scalar("SELECT LockoutEnd FROM AspNetUsers WHERE NormalizedEmail = $p0", email.ToUpperInvariant());
        return value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
    }

    public string? Scalar(string sql, params object[] parameters)
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
        return value is null or DBNull ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
    }

    public long Count(string sql, params object[] parameters) => long.Parse(Scalar(sql, parameters) ?? "0", CultureInfo.InvariantCulture);

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
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    // A fingerprint of everything the portal store holds, to prove a refused request changed nothing.
    // Rows of exceptUserId (a persona changing its own settings) are left out when given.
    public string Fingerprint(string? exceptUserId = null)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var builder = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            using var reader = command.ExecuteReader();
            builder.Append(table).Append('\n');
            while (reader.Read())
            {
                if (exceptUserId is not null && Enumerable.Range(0, reader.FieldCount)
                    .Any(i => reader.GetName(i) is "Id" or "UserId" && !reader.IsDBNull(i) && Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) == exceptUserId))
                {
                    continue;
                }

                for (var i = 0; i < reader.FieldCount; i++)
                {
                    // The last sign-in time moves whenever a test signs in; it is not what the sweep protects.
                    if (reader.GetName(i) is "LastSignInAt" or "ConcurrencyStamp")
                    {
                        continue;
                    }

                    builder.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }

                builder.Append('\n');
            }
        }

        return builder.ToString();
    }
}
