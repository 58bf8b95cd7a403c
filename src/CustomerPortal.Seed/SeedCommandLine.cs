namespace CustomerPortal.Seed;

// The seed command's arguments: --profile <file> --data-dir <directory> [--force] [--reference-date yyyy-MM-dd].
internal sealed record SeedCommandLine(string ProfilePath, string DataDirectory, bool Force, DateOnly? ReferenceDate = null)
{
    public const string Usage =
        "Usage: dotnet run --project src/CustomerPortal.Seed -- --profile <profile.json> --data-dir <directory> [--force] [--reference-date yyyy-MM-dd]\n"
        + "  --profile   seed profile to generate from, e.g. seed/demo.json\n"
        + "  --data-dir  directory that receives mirror.db, portal.db and seed-profile.json\n"
        + "  --force     replace the data of an existing data directory\n"
        + "  --reference-date  the data's \"today\" instead of the profile's referenceDate (reproducible seeds)";

    // Null with a message when the arguments are not usable; "--help" is reported the same way.
    public static SeedCommandLine? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? profile = null;
        string? dataDirectory = null;
        var force = false;
        DateOnly? referenceDate = null;
        error = null;

        for (var i = 0; i < args.Count; i++)
        {
            var (option, inlineValue) = SplitOption(args[i]);
            switch (option)
            {
                case "--profile":
                    profile = inlineValue ?? Next(args, ref i);
                    break;
                case "--data-dir":
                    dataDirectory = inlineValue ?? Next(args, ref i);
                    break;
                case "--reference-date":
                    var text = inlineValue ?? Next(args, ref i);
                    if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                    {
                        error = $"--reference-date must be a date written yyyy-MM-dd (found '{text}').";
                        return null;
                    }

                    referenceDate = date;
                    break;
                case "--force" when inlineValue is null:
                    force = true;
                    break;
                case "--help" or "-h" or "-?":
                    error = "";
                    return null;
                default:
                    error = $"Unknown argument '{args[i]}'.";
                    return null;
            }
        }

        if (string.IsNullOrWhiteSpace(profile) || string.IsNullOrWhiteSpace(dataDirectory))
        {
            error = string.IsNullOrWhiteSpace(profile) ? "--profile <file> is required." : "--data-dir <directory> is required.";
            return null;
        }

        return new SeedCommandLine(profile, dataDirectory, force, referenceDate);
    }

    private static (string Option, string? Value) SplitOption(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static string? Next(IReadOnlyList<string> args, ref int i) =>
        i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
}
