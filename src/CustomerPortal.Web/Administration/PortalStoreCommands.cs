using System.Security.Claims;
using System.Text;
using CustomerPortal.Core;
using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Audit;
using CustomerPortal.Web.Demo;
using CustomerPortal.Web.Identity;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Web.Administration;

// The portal executable's maintenance verbs, for going live without demo data:
//   CustomerPortal.Web create-admin --email <address> [--Key=Value ...]   create or upgrade the store, add an administrator
//   CustomerPortal.Web remove-demo-users [--Key=Value ...]                 delete users that still have a published demo password
// They read the portal's own configuration (appsettings, environment, --Key=Value), so they open the same
// portal store as the portal and check passwords with its rules. The password is never an argument:
// it comes from the PORTAL_ADMIN_PASSWORD environment variable or standard input.
public static class PortalStoreCommands
{
    public const string CreateAdmin = "create-admin";
    public const string RemoveDemoUsers = "remove-demo-users";
    public const string PasswordVariable = "PORTAL_ADMIN_PASSWORD";

    public const int Done = 0;
    public const int Refused = 1;
    public const int BadInput = 2;

    private static readonly ClaimsPrincipal CommandLine =
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "command line")], authenticationType: "command-line"));

    public static bool Handles(string[] args) => args.Length > 0 && args[0] is CreateAdmin or RemoveDemoUsers;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter errors)
    {
        var verb = args[0];
        var (email, settings, error) = ParseArguments(args[1..]);
        if (error is not null || (verb == CreateAdmin && string.IsNullOrWhiteSpace(email)) || (verb == RemoveDemoUsers && email is not null))
        {
            errors.WriteLine(error ?? $"{verb}: {(verb == CreateAdmin ? "--email <address> is required" : "takes no --email")}.");
            errors.WriteLine($"Usage: CustomerPortal.Web {CreateAdmin} --email <address> [--Key=Value ...]   (password from {PasswordVariable} or standard input)");
            errors.WriteLine($"       CustomerPortal.Web {RemoveDemoUsers} [--Key=Value ...]");
            return BadInput;
        }

        await using var app = BuildApp(settings, createStore: verb == CreateAdmin);
        await app.Services.MigratePortalStoreAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();

        if (verb == RemoveDemoUsers)
        {
            var demoUsers = await scope.ServiceProvider.GetRequiredService<DemoPersonas>().UsersWithPublishedPasswordsAsync(users);
            foreach (var user in demoUsers)
            {
                audit.Add(CommandLine, AuditActions.DemoUserRemoved, user.Email ?? user.Id);
                Succeeded(await users.DeleteAsync(user), $"removing {user.Email}");
                output.WriteLine($"Removed {user.Email}");
            }

            output.WriteLine($"{demoUsers.Count} demo user(s) removed; no user can sign in with a published demo password.");
            return Done;
        }

        if (await users.FindByEmailAsync(email!) is not null)
        {
            errors.WriteLine($"{email} already has a sign-in. Reset its password from the portal instead; nothing was changed.");
            return Refused;
        }

        var password = ReadPassword(input, output);
        if (string.IsNullOrEmpty(password))
        {
            errors.WriteLine($"No password: set {PasswordVariable} or write it to standard input. Nothing was changed.");
            return BadInput;
        }

        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var administrator = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email!.Split('@')[0] };
        // Saved with the user, or not at all.
        audit.Add(CommandLine, AuditActions.AdministratorCreated, email);
        var created = await users.CreateAsync(administrator, password);
        if (!created.Succeeded)
        {
            errors.WriteLine($"Refused: {string.Join(" ", created.Errors.Select(e => e.Description))} Nothing was changed.");
            return BadInput;
        }

        Succeeded(await users.AddToRoleAsync(administrator, PortalRoles.Administrator), $"the Administrator role of {email}");
        output.WriteLine($"Administrator {email} created. Start the portal and sign in; invite customers from Administration → Invitations.");
        return Done;
    }

    // The portal store, Identity with the portal's password rules, and the persona list: what the verbs need, not the whole portal.
    // Built, never run: disposing it also releases the configuration's file watchers.
    private static WebApplication BuildApp(string[] settings, bool createStore)
    {
        var builder = WebApplication.CreateBuilder(settings);
        var portal = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
        if (createStore)
        {
            Directory.CreateDirectory(Path.GetFullPath(portal.DataDirectory));
        }

        var portalStore = PortalStoreOptions.FromConfiguration(builder.Configuration, portal.PathOf("portal.db"), createStore);
        builder.Services.AddPortalStore(portalStore);
        builder.Services.AddPortalIdentity();
        builder.Services.AddPortalSecurity(builder.Configuration, builder.Environment, portal, portalStore);
        builder.Services.AddPortalLocalization();
        builder.Services.AddSingleton<DemoPersonas>();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder.Build();
    }

    private static (string? Email, string[] Settings, string? Error) ParseArguments(string[] args)
    {
        string? email = null;
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--email" && i + 1 < args.Length)
            {
                email = args[++i];
            }
            else if (args[i].StartsWith("--email=", StringComparison.Ordinal))
            {
                email = args[i]["--email=".Length..];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains('=', StringComparison.Ordinal))
            {
                settings.Add(args[i]);
            }
            else
            {
                return (null, [], $"Unknown argument '{args[i]}'.");
            }
        }

        return (email, [.. settings], null);
    }

    // The environment variable first (for scripts and containers); else one line from standard input,
    // read without echo when a person types it.
    private static string? ReadPassword(TextReader input, TextWriter output)
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            return input.ReadLine();
        }

        output.Write("Password for the new administrator: ");
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
            {
                typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        output.WriteLine();
        return typed.ToString();
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Succeeded(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    private static void Succeeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Failed: {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
