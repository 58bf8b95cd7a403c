using System.Net;
using System.Text.Json;

namespace CustomerPortal.DataverseEmulator.Tests;

// Service protection faults by configuration (limits): 429 + Retry-After every Nth request, 503 every Mth.
public sealed class FaultTests(FaultFixture emulator) : IClassFixture<FaultFixture>
{
    [Fact]
    public async Task Every_third_request_is_throttled_with_retry_after_and_the_documented_error()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await emulator.Send(HttpMethod.Get, "WhoAmI");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
                var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("error");
                Assert.Equal("0x80072322", error.GetProperty("code").GetString());
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        // The admin endpoint switches to 503s at run time (and resets the count).
        using var set = await emulator.Client.PostAsync(emulator.BaseUrl + "/_emulator/faults",
            new StringContent("{\"unavailableEveryM\":2}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        using var ok = await emulator.Send(HttpMethod.Get, "WhoAmI");
        using var unavailable = await emulator.Send(HttpMethod.Get, "WhoAmI");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
    }
}
