namespace CustomerPortal.Seed;

// The seed writes into temporary files next to the real ones and renames them into place only when all
// of them are complete, so a failed seed leaves the data directory exactly as it was.
internal sealed class StagingFiles(string directory) : IDisposable
{
    private static readonly string[] SqliteSideFiles = ["-wal", "-shm", "-journal"];

    private readonly string _token = Guid.NewGuid().ToString("N")[..8];
    private bool _committed;

    public string Mirror => Staged(MirrorSeeder.MirrorFileName);

    public string PortalStore => Staged(MirrorSeeder.PortalStoreFileName);

    public string ProfileCopy => Staged(MirrorSeeder.ProfileCopyFileName);

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
        var target = Path.Combine(directory, fileName);
        // A write-ahead log left by the old file would be replayed into the new one.
        foreach (var suffix in SqliteSideFiles)
        {
            File.Delete(target + suffix);
        }

        File.Move(staged, target, overwrite: true);
    }

    private string Staged(string fileName) => Path.Combine(directory, $".{fileName}.{_token}.tmp");

    private static void DeleteWithSideFiles(string file)
    {
        File.Delete(file);
        foreach (var suffix in SqliteSideFiles)
        {
            File.Delete(file + suffix);
        }
    }
}
