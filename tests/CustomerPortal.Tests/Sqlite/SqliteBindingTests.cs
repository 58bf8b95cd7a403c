using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Tests.Sqlite;

// Guards the SQLitePCLRaw 2.0.6 pin (build/SqlitePclRawRedirect.cs): JIT-compiles every method of
// Microsoft.Data.Sqlite and EF Core Sqlite, which binds every SQLitePCLRaw member they call. A member
// that 2.0.6 lacks fails here instead of in front of a customer.
public class SqliteBindingTests
{
    // Known and accepted: SqliteConnection.LoadExtension (through its private LoadExtensionCore) needs
    // SQLitePCLRaw 2.1; the portal never loads SQLite extensions.
    private static readonly string[] KnownGaps = ["Microsoft.Data.Sqlite.SqliteConnection.LoadExtensionCore"];

    [Fact]
    public void EveryMicrosoftDataSqliteMethodBindsExceptLoadExtension()
    {
        var failures = PrepareAll(typeof(SqliteConnection).Assembly, out var prepared);

        Assert.True(prepared > 500, $"Only {prepared} methods were prepared; the sweep is not reaching the assembly.");
        Assert.Equal(KnownGaps.Order(), failures.Select(f => f.Method).Distinct().Order());
    }

    [Fact]
    public void EveryEfCoreSqliteMethodBinds()
    {
        var assembly = typeof(SqliteDbContextOptionsBuilderExtensions).Assembly;
        var failures = PrepareAll(assembly, out var prepared);

        Assert.True(prepared > 500, $"Only {prepared} methods were prepared; the sweep is not reaching the assembly.");
        Assert.Empty(failures.Select(f => $"{f.Method}: {f.Error}"));
    }

    [Fact]
    public void SqliteRunsOnTheShippedNativeLibrary()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";

        Assert.StartsWith("3.", (string)command.ExecuteScalar()!, StringComparison.Ordinal);
    }

    private static List<(string Method, string Error)> PrepareAll(Assembly assembly, out int prepared)
    {
        const BindingFlags everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
            | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var failures = new List<(string, string)>();
        prepared = 0;

        foreach (var type in assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
        {
            foreach (var method in type.GetMethods(everything).Cast<MethodBase>().Concat(type.GetConstructors(everything)))
            {
                if (method.IsAbstract || method.ContainsGenericParameters || method.GetMethodBody() is null)
                {
                    continue;
                }

                try
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    prepared++;
                }
                catch (Exception ex) when (ex is MissingMethodException or MissingFieldException or TypeLoadException
                                                or FileLoadException or FileNotFoundException or MissingMemberException)
                {
                    failures.Add(($"{type.FullName}.{method.Name}", ex.GetType().Name + ": " + ex.Message));
                }
            }
        }

        return failures;
    }
}
