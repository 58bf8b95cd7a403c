using System.Net;
using System.Text.Json;

namespace CustomerPortal.Web.Tests.Health;

// What operators rely on: health endpoints for the orchestrator, and start-up refusing a bad configuration.
public sealed class HealthAndStartupTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LivenessAnswersOkWithoutSigningIn()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ReadinessAnswersOkAndNamesTheSqliteMirror()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/healthz/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        var dataSource = checks["data-source"];
        Assert.Equal("Healthy", dataSource.GetProperty("status").GetString());
        var description = dataSource.GetProperty("description").GetString()!;
        Assert.Contains("SQLite mirror", description, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.Data.DataDirectory, description, StringComparison.Ordinal);
        Assert.Equal("Healthy", checks["portal-store"].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("Nonsense", "'Nonsense'")]
    [InlineData("", "missing")]
    public async Task StartUpWithAnUnusableDataSourceProviderFailsNamingTheKey(string provider, string explanation)
    {
        await using var misconfigured = new ConfiguredPortalFactory(portal.Data, ("DataSource:Provider", provider));

        var error = Assert.Throws<InvalidOperationException>(() => misconfigured.CreateClient());

        Assert.Contains("DataSource:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains(explanation, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataverseModeWithoutAConnectionStringFailsAtStartUpNamingTheKey()
    {
        await using var misconfigured = new ConfiguredPortalFactory(portal.Data, ("DataSource:Provider", "Dataverse"));

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains("DataSource:Dataverse:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUpWithoutAMirrorFailsNamingTheMissingFileAndTheFix()
    {
        var empty = Directory.CreateTempSubdirectory("customerportal-empty-");
        try
        {
            await using var misconfigured = new ConfiguredPortalFactory(portal.Data, ("Portal:DataDirectory", empty.FullName));

            var error = Assert.Throws<InvalidOperationException>(() => misconfigured.CreateClient());

            Assert.Contains(Path.Combine(empty.FullName, "mirror.db"), error.Message, StringComparison.Ordinal);
            Assert.Contains("run.sh", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
