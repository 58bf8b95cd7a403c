using System.Text.Json;

namespace CustomerPortal.DataverseEmulator;

// Composition of the emulator: options, HTTPS certificate, token endpoints, the Web API and the admin endpoint.
// Tests build it with their own arguments (a temp mirror, https://127.0.0.1:0) and start it in-process.
internal static class EmulatorHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var settings = builder.Configuration.GetSection("Emulator").Get<EmulatorOptions>() ?? new EmulatorOptions();
        if (string.IsNullOrWhiteSpace(settings.MirrorPath) || !File.Exists(settings.MirrorPath))
        {
            throw new InvalidOperationException($"Emulator:MirrorPath must name a seeded mirror file (found '{settings.MirrorPath}'). Seed one with: dotnet run --project src/CustomerPortal.Seed -- --profile seed/demo.json --data-dir <dir>");
        }

        var mirrorConnection = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = settings.MirrorPath, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        if (CustomerPortal.Data.Sqlite.Mirror.MirrorDatabase.MissingSchema(mirrorConnection) is { } missing)
        {
            throw new InvalidOperationException($"The mirror '{settings.MirrorPath}' was made by an older version of the portal: it has no {missing}. "
                + "Rebuild it from its seed profile with './run.sh --reseed' (or the seed command with --force).");
        }

        var certificatePath = string.IsNullOrWhiteSpace(settings.CertificatePath)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.MirrorPath))!, EmulatorCertificate.FileName)
            : settings.CertificatePath;
        var certificate = EmulatorCertificate.LoadOrCreate(certificatePath, settings.CertificatePassword);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));

        builder.Services.Configure<EmulatorOptions>(builder.Configuration.GetSection("Emulator"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddSingleton<Faults>();
        builder.Services.AddSingleton<RequestCounter>();
        builder.Services.AddSingleton<RowVersions>();
        builder.Services.AddSingleton<MirrorConnectionFactory>();
        builder.Services.AddSingleton<WebApi>();

        var app = builder.Build();
        var thumbprint = EmulatorCertificate.Thumbprint(certificate);
        app.Lifetime.ApplicationStarted.Register(() =>
            Console.WriteLine($"Dataverse emulator on {string.Join(", ", app.Urls)}, mirror {settings.MirrorPath}, certificate SHA-256 {thumbprint} (also in {EmulatorCertificate.ThumbprintFileName})."));
        Console.WriteLine($"Emulator certificate SHA-256: {thumbprint}");

        app.Map(WebApi.BasePath, api => api.Run(http => http.RequestServices.GetRequiredService<WebApi>().Handle(http)));
        TokenService.Map(app);
        // With AdminEndpoint off, the admin endpoints answer 404 as if they did not exist.
        var admin = app.MapGroup("/_emulator").AddEndpointFilter(async (context, next) =>
            settings.AdminEndpoint ? await next(context) : Results.NotFound());
        admin.MapGet("/faults", (Faults faults) => Results.Json(faults.Current));
        admin.MapPost("/faults", async (HttpContext http, Faults faults) =>
        {
            var update = await JsonSerializer.DeserializeAsync<FaultOptions>(http.Request.Body, JsonSerializerOptions.Web, http.RequestAborted);
            faults.Set(update ?? new FaultOptions());
            return Results.Json(faults.Current);
        });
        admin.MapGet("/requests", (RequestCounter counter) => Results.Json(counter.Snapshot()));
        admin.MapDelete("/requests", (RequestCounter counter) =>
        {
            counter.Reset();
            return Results.NoContent();
        });
        return app;
    }
}
