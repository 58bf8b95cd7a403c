extern alias seedcommand;

using seedcommand::CustomerPortal.Seed;

[assembly: AssemblyFixture(typeof(CustomerPortal.Web.Tests.SeededPortalData))]

namespace CustomerPortal.Web.Tests;

// The demo profile seeded once for the whole test assembly, exactly as ./run.sh seeds it.
public sealed class SeededPortalData : IDisposable
{
    public SeededPortalData()
    {
        DataDirectory = Directory.CreateTempSubdirectory("customerportal-webtests-").FullName;
        MirrorSeeder.Seed(SeedProfile.Load(Path.Combine(RepositoryRoot, "seed", "demo.json")), DataDirectory);
    }

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
