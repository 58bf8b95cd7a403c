using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerPortal.Seed;

// What to generate: sizes, the random seed, the reference date ("today" for the data), the Bogus locale
// of product texts, and the personas who can sign in. A SeedProfile only exists once the whole file
// has been checked (SeedProfileValidator), so seeding never starts on a bad profile.
public sealed class SeedProfile
{
    private const string InlineSource = "(inline profile)";

    // referenceDate may say "today": the UTC date when seeding, so a fresh demo always looks current.
    public const string Today = "today";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A misspelt key would otherwise be ignored and silently give default data.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    internal SeedProfile(string name, string? description, int randomSeed, DateOnly referenceDate, string locale,
        SeedCounts counts, IReadOnlyList<SeedPersona> personas, string json, string source)
    {
        Name = name;
        Description = description;
        RandomSeed = randomSeed;
        ReferenceDate = referenceDate;
        Locale = locale;
        Counts = counts;
        Personas = personas;
        Json = json;
        Source = source;
    }

    public string Name { get; }

    public string? Description { get; }

    public int RandomSeed { get; }

    public DateOnly ReferenceDate { get; }

    public string Locale { get; }

    public SeedCounts Counts { get; }

    public IReadOnlyList<SeedPersona> Personas { get; }

    // The profile text exactly as written; the seeder stores a copy next to the data.
    public string Json { get; }

    // Where the profile came from, for messages: its path, or "(inline profile)".
    public string Source { get; }

    // referenceDate, when given, replaces the profile's own (a date or "today"): tests pin it so that a
    // profile that says "today" still gives the same rows, ids included, on every day.
    public static SeedProfile Load(string path, DateOnly? referenceDate = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SeedProfileException($"{path}: the seed profile cannot be read: {e.Message}", e);
        }

        return Parse(json, path, referenceDate);
    }

    public static SeedProfile Parse(string json) => Parse(json, InlineSource);

    public static SeedProfile Parse(string json, string source) => Parse(json, source, null);

    public static SeedProfile Parse(string json, string source, DateOnly? referenceDate)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);

        SeedProfileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<SeedProfileDocument>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new SeedProfileException(Describe(e, source), e);
        }

        if (document is null)
        {
            throw new SeedProfileException($"{source}: the seed profile is empty (expected a JSON object)");
        }

        return SeedProfileValidator.Validate(document, json, source, referenceDate);
    }

    // System.Text.Json names the offending key or value by its JSON path; say it in the profile's terms.
    private static string Describe(JsonException error, string source)
    {
        var field = error.Path is null or "$" ? null : error.Path.StartsWith("$.", StringComparison.Ordinal) ? error.Path[2..] : error.Path;
        var where = error.LineNumber is { } line ? $" (line {line + 1})" : "";
        if (field is not null && error.InnerException is null && error.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"{source}: unknown key '{field}'{where}; keys are case-sensitive, see seed/demo.json for the format";
        }

        if (field is not null)
        {
            var detail = error.InnerException is { } inner ? ": " + inner.Message : "";
            return $"{source}: {field} has a value of the wrong kind{where}{detail}";
        }

        return $"{source}: not valid JSON{where}: {error.InnerException?.Message ?? error.Message}";
    }
}
