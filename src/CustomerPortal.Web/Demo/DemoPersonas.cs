using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Demo;

// The sign-in page's "try it as…" card. Only in demo mode; read once from the data directory.
public sealed partial class DemoPersonas(IOptions<PortalOptions> options, ILogger<DemoPersonas> logger)
{
    public const string ProfileFileName = "seed-profile.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lazy<IReadOnlyList<DemoPersona>> _personas = new(() => Load(options.Value.PathOf(ProfileFileName), logger));

    public IReadOnlyList<DemoPersona> All => options.Value.DemoMode ? _personas.Value : [];

    public DemoPersona? Find(string? email) =>
        All.FirstOrDefault(persona => string.Equals(persona.Email, email, StringComparison.OrdinalIgnoreCase));

    // run.sh promises to print the demo sign-ins: they appear once the portal listens.
    public void PrintSignInsWhenStarted(IHostApplicationLifetime lifetime, ICollection<string> urls)
    {
        if (All.Count == 0)
        {
            return;
        }

        lifetime.ApplicationStarted.Register(() =>
        {
            Console.WriteLine($"Customer portal listening on {string.Join(", ", urls)}. Demo sign-ins:");
            foreach (var persona in All)
            {
                Console.WriteLine($"  {persona.Email,-28} {persona.Password,-20} {persona.Role}");
            }
        });
    }

    private static List<DemoPersona> Load(string path, ILogger logger)
    {
        try
        {
            using var file = File.OpenRead(path);
            var profile = JsonSerializer.Deserialize<SeedProfile>(file, Json);
            return profile?.Personas?.Where(p => !string.IsNullOrWhiteSpace(p.Email) && !string.IsNullOrEmpty(p.Password)).ToList() ?? [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // Demo mode without personas still lets people sign in by hand; it is not worth failing start-up over.
            LogProfileUnreadable(logger, path, ex);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo mode is on but the persona list {Path} could not be read.")]
    private static partial void LogProfileUnreadable(ILogger logger, string path, Exception exception);

    private sealed record SeedProfile(IReadOnlyList<DemoPersona>? Personas);
}
