using CustomerPortal.Testing;

namespace CustomerPortal.Web.Tests;

// The real portal in Dataverse mode (DataSource:Provider=Dataverse), configured as run.sh --dataverse-emulator
// configures it, against a Dataverse Web API emulator started for this factory (the conformance suite's
// EmulatorProcess) over the factory's own copy of the seeded demo data: the same data the SQLite-mode
// page tests read. Extra settings (retry budget, health cache) go in through `settings`.
public class DataversePortalFactory : PrivatePortalFactory
{
    public DataversePortalFactory(SeededPortalData data, params (string Key, string? Value)[] settings)
        : base(data)
    {
        Emulator = new EmulatorProcess(MirrorPath);
        Settings["DataSource:Provider"] = "Dataverse";
        foreach (var (key, value) in Emulator.PortalSettings())
        {
            Settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            Settings[key] = value;
        }
    }

    public EmulatorProcess Emulator { get; }

    // The rows of this factory's own mirror, which the emulator serves and orders submitted in Dataverse mode land in.
    public MirrorQueries OwnMirror => MirrorQueries.Open(MirrorPath);

    public async Task<PortalClient> SignedInAsync(string email, string password = Personas.Password)
    {
        var client = CreatePortalClient();
        await client.SignInAsync(email, password);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Emulator.Dispose();
        }

        base.Dispose(disposing);
    }
}
