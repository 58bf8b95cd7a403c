using System.Net;
using System.Text.Json;
using CustomerPortal.Testing;
using Npgsql;

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

    [Theory]
    [InlineData("Mongo", null, "PortalStore:Provider is 'Mongo'")]
    [InlineData("Postgres", null, "PortalStore:ConnectionString is missing")]
    // Nothing listens on port 1: the server cannot be reached.
    [InlineData("Postgres", "Host=127.0.0.1;Port=1;Database=portal;Username=portal;Password=Not-To-Be-Shown", "cannot be opened with PortalStore:ConnectionString: Failed to connect to 127.0.0.1:1")]
    [InlineData("Postgres", "Host=127.0.0.1;Database=portal;Usrname=portal;Password=Not-To-Be-Shown", "PortalStore:ConnectionString is not a valid")]
    [InlineData("Postgres", "Host=127.0.0.1;Username=portal;Password=Not-To-Be-Shown", "PortalStore:ConnectionString names no Database")]
    public async Task StartUpWithAnUnusablePortalStoreFailsNamingTheKeyButNeverThePassword(string provider, string? connectionString, string explanation)
    {
        await using var misconfigured = new ConfiguredPortalFactory(portal.Data,
            ("PortalStore:Provider", provider), ("PortalStore:ConnectionString", connectionString));

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains(explanation, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Not-To-Be-Shown", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Not-To-Be-Shown", misconfigured.ServerLog.Errors(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUpWithAWrongPostgresPasswordFailsNamingTheKeyButNeverThePassword()
    {
        var wrong = new NpgsqlConnectionStringBuilder(TestPortalStore.ServerConnectionString()) { Database = "postgres", Password = "Not-To-Be-Shown" };
        await using var misconfigured = new ConfiguredPortalFactory(portal.Data,
            ("PortalStore:Provider", "Postgres"), ("PortalStore:ConnectionString", wrong.ConnectionString));

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains("PortalStore:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("password authentication failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Not-To-Be-Shown", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUpOnAMirrorFromAnOlderVersionNamesTheMissingColumnAndTheFix()
    {
        await using var older = new PrivatePortalFactory(portal.Data);
        using (var mirror = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={older.MirrorPath};Pooling=False"))
        {
            mirror.Open();
            using var drop = mirror.CreateCommand();
            drop.CommandText = "ALTER TABLE salesorderdetail DROP COLUMN productdescription";
            drop.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => older.CreateClient());

        Assert.Contains("salesorderdetail.productdescription", error.Message, StringComparison.Ordinal);
        Assert.Contains("./run.sh --reseed", error.Message, StringComparison.Ordinal);
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
