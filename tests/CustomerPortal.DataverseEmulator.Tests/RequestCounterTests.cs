using System.Net;
using System.Text.Json;

namespace CustomerPortal.DataverseEmulator.Tests;

// The admin endpoint's request counter: what the page tests and the benchmark read to count Web API requests per page.
public sealed class RequestCounterTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Counts_every_web_api_request_by_entity_set_and_resets_on_delete()
    {
        using var reset = await emulator.Client.DeleteAsync(emulator.BaseUrl + "/_emulator/requests", Ct);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        using (await emulator.Send(HttpMethod.Get, "WhoAmI"))
        using (await emulator.Send(HttpMethod.Get, "accounts?$select=name&$top=1"))
        using (await emulator.Send(HttpMethod.Get, "accounts?$select=name&$top=2"))
        using (await emulator.Client.GetAsync(emulator.Api + "accounts", Ct))
        {
        }

        var counts = JsonDocument.Parse(await emulator.Client.GetStringAsync(emulator.BaseUrl + "/_emulator/requests", Ct)).RootElement;
        Assert.Equal(4, counts.GetProperty("total").GetInt64());
        Assert.Equal(3, counts.GetProperty("bySet").GetProperty("accounts").GetInt64());
        Assert.Equal(1, counts.GetProperty("bySet").GetProperty("WhoAmI").GetInt64());
    }
}
