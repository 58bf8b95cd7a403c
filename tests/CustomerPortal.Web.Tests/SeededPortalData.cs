extern alias seedcommand;

using seedcommand::CustomerPortal.Seed;

[assembly: AssemblyFixture(typeof(CustomerPortal.Web.Tests.SeededPortalData))]

namespace CustomerPortal.Web.Tests;

// The demo profile seeded once for the whole test assembly, exactly as ./run.sh seeds it.
public sealed class SeededPortalData : IDisposable
{
    // seed/demo.json says "today"; the tests' known values were generated on this day.
    public static readonly DateOnly ReferenceDate = new(2026, 11, 1);

    public SeededPortalData()
        : this(Directory.CreateTempSubdirectory("customerportal-webtests-").FullName)
    {
    }

    private SeededPortalData(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        MirrorSeeder.Seed(SeedProfile.Load(Path.Combine(RepositoryRoot, "seed", "demo.json"), ReferenceDate), DataDirectory);
    }

    // A second, independent seeded directory for tests that write (ordering); not the assembly fixture.
    public static SeededPortalData CreateSeparate() => new(Directory.CreateTempSubdirectory("customerportal-webtests-writes-").FullName);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string DataDirectory { get; }

    public string MirrorPath => Path.Combine(DataDirectory, "mirror.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find CustomerPortal.sln above the test output folder.");
    }
}
