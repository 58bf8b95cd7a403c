using System.Text.Json;
using CustomerPortal.PortalStore;
using Microsoft.AspNetCore.Identity;
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
        // The profile is read in the callback, not before the host starts: the cold start does not wait for it (issue 16).
        lifetime.ApplicationStarted.Register(() =>
        {
            if (All.Count == 0)
            {
                return;
            }

            Console.WriteLine($"Customer portal listening on {string.Join(", ", urls)}. Demo sign-ins:");
            foreach (var persona in All)
            {
                Console.WriteLine($"  {persona.Email,-28} {persona.Password,-20} {persona.Role}");
            }
        });
    }

    // No demo credential works outside demo mode: start-up stops while one would.
    public async Task RefuseDemoSignInsOutsideDemoModeAsync(IServiceProvider services)
    {
        if (options.Value.DemoMode)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var found = await UsersWithPublishedPasswordsAsync(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
        if (found.Count > 0)
        {
            throw new InvalidOperationException(
                $"Portal:DemoMode is off, but the portal store still lets {found.Count} demo user(s) sign in with a published password "
                + $"({string.Join(", ", found.Select(u => u.Email))}). Remove them with 'CustomerPortal.Web remove-demo-users' "
                + "(from a clone: './run.sh remove-demo-users --data-dir <dir>'), create your own administrator with 'create-admin', "
                + "or set Portal:DemoMode=true for a demo.");
        }
    }

    // The users that anyone who has read the README, seed/*.json or a demo's sign-in page can sign in as:
    // a demo persona's e-mail with that persona's password, from the profiles this build ships and the
    // one the data directory was seeded from. Outside demo mode the portal refuses to start while there are any.
    public async Task<IReadOnlyList<PortalUser>> UsersWithPublishedPasswordsAsync(UserManager<PortalUser> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var found = new List<PortalUser>();
        foreach (var persona in ShippedPersonas().Concat(_personas.Value).DistinctBy(p => (p.Email.ToUpperInvariant(), p.Password)))
        {
            if (await users.FindByEmailAsync(persona.Email) is { PasswordHash: { } hash } user
                && users.PasswordHasher.VerifyHashedPassword(user, hash, persona.Password) != PasswordVerificationResult.Failed
                && !found.Contains(user))
            {
                found.Add(user);
            }
        }

        return found;
    }

    private static IEnumerable<DemoPersona> ShippedPersonas()
    {
        var assembly = typeof(DemoPersonas).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("seed.", StringComparison.Ordinal)))
        {
            using var profile = assembly.GetManifestResourceStream(name)!;
            foreach (var persona in Personas(profile))
            {
                yield return persona;
            }
        }
    }

    private static List<DemoPersona> Personas(Stream profileJson) =>
        JsonSerializer.Deserialize<SeedProfile>(profileJson, Json)?.Personas?
            .Where(p => !string.IsNullOrWhiteSpace(p.Email) && !string.IsNullOrEmpty(p.Password)).ToList() ?? [];

    private static List<DemoPersona> Load(string path, ILogger logger)
    {
        try
        {
            using var file = File.OpenRead(path);
            return Personas(file);
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
