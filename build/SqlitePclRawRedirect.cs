// THE ONE PLACE for the SQLitePCLRaw workaround. Delete this file, the UsesSqlite switch in
// Directory.Build.props and the two SQLitePCLRaw pins in Directory.Packages.props once the package
// feed carries SQLitePCLRaw 2.1.x.
//
// Why: Microsoft.Data.Sqlite 10 is compiled against SQLitePCLRaw.core 2.1.x, which our feed lacks.
// We ship SQLitePCLRaw 2.0.6 instead. The runtime refuses to bind a 2.1 reference to a 2.0 file on
// its own, so this handler answers every failed SQLitePCLRaw load with the 2.0.6 file that ships next
// to the program. Every Microsoft.Data.Sqlite entry point binds to 2.0.6 except
// SqliteConnection.LoadExtension, which the portal never calls; SqliteBindingTests JIT-prepares every
// method of Microsoft.Data.Sqlite and EF Core Sqlite so a new gap fails the build.
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace CustomerPortal;

internal static class SqlitePclRawRedirect
{
    private static int _installed;

    // A module initializer runs before any code in the program's own assembly, so before any SQLite type is touched.
#pragma warning disable CA2255 // Module initializers are meant for exactly this: process-wide set-up before first use.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1)
        {
            return;
        }

        AssemblyLoadContext.Default.Resolving += LoadShippedSqlitePclRaw;
    }

    private static Assembly? LoadShippedSqlitePclRaw(AssemblyLoadContext context, AssemblyName requested)
    {
        if (requested.Name is null || !requested.Name.StartsWith("SQLitePCLRaw.", StringComparison.Ordinal))
        {
            return null;
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, requested.Name + ".dll");
        return File.Exists(shipped) ? context.LoadFromAssemblyPath(shipped) : null;
    }
}
