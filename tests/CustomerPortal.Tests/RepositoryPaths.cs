namespace CustomerPortal.Tests;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SeedProfile(string name) => Path.Combine(Root, "seed", name + ".json");

    private static string FindRoot()
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
