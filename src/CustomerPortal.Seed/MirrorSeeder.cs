using CustomerPortal.PortalStore;
using CustomerPortal.Seed.Generation;

namespace CustomerPortal.Seed;

// Builds a data directory from a profile: mirror.db (the dual-write tables), portal.db (sign-ins and
// roles) and seed-profile.json (the profile, from which the portal's demo mode lists the personas).
public static class MirrorSeeder
{
    public const string MirrorFileName = "mirror.db";
    public const string PortalStoreFileName = "portal.db";
    public const string ProfileCopyFileName = "seed-profile.json";

    public static SeedSummary Seed(SeedProfile profile, string dataDirectory, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);

        var seedProgress = new SeedProgress(progress);
        var directory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(directory);

        using var staging = new StagingFiles(directory);
        var mirror = MirrorBuilder.Build(profile, staging.Mirror, seedProgress);
        seedProgress.Report("creating portal users");
        var users = PortalStoreSeeder.Create(PortalStoreOptions.Sqlite(staging.PortalStore, create: true), profile, mirror.PersonaContactIds);
        File.WriteAllText(staging.ProfileCopy, profile.Json);
        staging.Commit();

        return mirror.Rows with { PortalUsers = users, Elapsed = seedProgress.Elapsed };
    }
}
