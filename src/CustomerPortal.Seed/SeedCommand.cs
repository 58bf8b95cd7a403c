using System.Globalization;

namespace CustomerPortal.Seed;

// The seed command line tool. Exit codes: 0 seeded; 1 refused (existing data without --force) or the
// seed failed; 2 bad arguments or a bad profile, in which case nothing was written.
internal static class SeedCommand
{
    public const int Seeded = 0;
    public const int Refused = 1;
    public const int BadInput = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        var commandLine = SeedCommandLine.Parse(args, out var argumentError);
        if (commandLine is null)
        {
            if (!string.IsNullOrEmpty(argumentError))
            {
                errors.WriteLine(argumentError);
            }

            errors.WriteLine(SeedCommandLine.Usage);
            return BadInput;
        }

        SeedProfile profile;
        try
        {
            profile = SeedProfile.Load(commandLine.ProfilePath, commandLine.ReferenceDate);
        }
        catch (SeedProfileException e)
        {
            errors.WriteLine(e.Message);
            return BadInput;
        }

        var directory = Path.GetFullPath(commandLine.DataDirectory);
        if (!commandLine.Force && ExistingData(directory) is { } existing)
        {
            errors.WriteLine($"{directory} already holds seeded data ({existing}). Run again with --force to replace mirror.db, portal.db "
                + "and seed-profile.json (portal sign-ins are recreated from the profile's personas).");
            return Refused;
        }

        SeedSummary summary;
        try
        {
            summary = MirrorSeeder.Seed(profile, directory, errors);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            errors.WriteLine($"Seeding {directory} failed; its previous contents are unchanged. {e.Message}");
            return Refused;
        }

        WriteSummary(output, profile, directory, summary);
        return Seeded;
    }

    private static string? ExistingData(string directory)
    {
        var present = new[] { MirrorSeeder.MirrorFileName, MirrorSeeder.PortalStoreFileName }
            .Where(file => File.Exists(Path.Combine(directory, file)))
            .ToList();
        return present.Count == 0 ? null : string.Join(", ", present);
    }

    private static void WriteSummary(TextWriter output, SeedProfile profile, string directory, SeedSummary summary)
    {
        var seconds = summary.Elapsed.TotalSeconds;
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture, $"Seeded profile '{profile.Name}' into {directory} in {seconds:0.0} s"));
        foreach (var (table, rows) in summary.RowsPerTable)
        {
            output.WriteLine(string.Create(culture, $"  {table,-22}{rows,12:N0}"));
        }

        output.WriteLine(string.Create(culture, $"  {"portal users",-22}{summary.PortalUsers,12:N0}"));
        output.WriteLine(string.Create(culture, $"  {"mirror rows",-22}{summary.MirrorRows,12:N0}  ({summary.MirrorRows / Math.Max(seconds, 0.001):N0} rows/s)"));
    }
}
