namespace CustomerPortal.Seed;

// The seed writes into temporary files next to the real ones and renames them into place only when all
// of them are complete, so a failed seed leaves the data directory exactly as it was.
internal sealed class StagingFiles : IDisposable
{
    private static readonly string[] SqliteSideFiles = ["-wal", "-shm", "-journal"];

    private readonly string _directory;
    private bool _committed;

    public StagingFiles(string directory)
    {
        _directory = directory;
        var token = Guid.NewGuid().ToString("N")[..8];
        Mirror = Path.Combine(directory, $".{MirrorSeeder.MirrorFileName}.{token}.tmp");
        PortalStore = Path.Combine(directory, $".{MirrorSeeder.PortalStoreFileName}.{token}.tmp");
        ProfileCopy = Path.Combine(directory, $".{MirrorSeeder.ProfileCopyFileName}.{token}.tmp");
    }

    public string Mirror { get; }

    public string PortalStore { get; }

    public string ProfileCopy { get; }

    public void Commit()
    {
        MoveIntoPlace(PortalStore, MirrorSeeder.PortalStoreFileName);
        MoveIntoPlace(ProfileCopy, MirrorSeeder.ProfileCopyFileName);
        MoveIntoPlace(Mirror, MirrorSeeder.MirrorFileName);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        foreach (var file in new[] { Mirror, PortalStore, ProfileCopy })
        {
            DeleteWithSideFiles(file);
        }
    }

    private void MoveIntoPlace(string staged, string fileName)
    {
        var target = Path.Combine(_directory, fileName);
        // A write-ahead log left by the old file would be replayed into the new one.
        foreach (var suffix in SqliteSideFiles)
        {
            File.Delete(target + suffix);
        }

        File.Move(staged, target, overwrite: true);
    }

    private static void DeleteWithSideFiles(string file)
    {
        File.Delete(file);
        foreach (var suffix in SqliteSideFiles)
        {
            File.Delete(file + suffix);
        }
    }
}
