using System.Net;

namespace CustomerPortal.DataverseEmulator.Tests;

// Whatever the emulator does not serve answers 501 "not emulated" with the Web API's error body (compose: 501
// Not Implemented), never data and never a 404 that reads as a missing record (issue 15, item 4).
public sealed class NotEmulatedTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Theory]
    // q-agg: "Aggregate data using the Web API" ($apply).
    [InlineData("GET", "salesorders?$apply=aggregate($count as count)")]
    // "Use FetchXml to query data" and saved views: refused rather than ignored (issue 15: a silent full scan).
    [InlineData("GET", "salesorders?savedQuery=00000000-0000-0000-0000-000000000001")]
    [InlineData("GET", "salesorders?userQuery=00000000-0000-0000-0000-000000000001")]
    // Functions other than WhoAmI ("Use Web API functions"), bound or unbound, and the metadata entity sets.
    [InlineData("GET", "RetrieveTotalRecordCount(EntityNames=['salesorder'])")]
    [InlineData("GET", "EntityDefinitions(LogicalName='salesorder')")]
    [InlineData("POST", "Microsoft.Dynamics.CRM.WinOpportunity")]
    [InlineData("GET", "contacts({contact})/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()")]
    // Methods the emulator does not serve on a record that exists: a 404 here would read as "deleted".
    [InlineData("PUT", "contacts({contact})")]
    [InlineData("POST", "contacts({contact})")]
    [InlineData("POST", "salesorders({order})/order_details")]
    [InlineData("GET", "salesorders({order})/order_details/$ref")]
    public async Task An_unsupported_request_answers_501_not_emulated_with_a_dataverse_error_body(string method, string url)
    {
        url = url.Replace("{contact}", emulator.Scalar("SELECT contactid FROM contact LIMIT 1"), StringComparison.Ordinal)
            .Replace("{order}", emulator.Scalar("SELECT salesorderid FROM salesorder LIMIT 1"), StringComparison.Ordinal);
        using var response = await emulator.Send(new HttpMethod(method), url, method is "GET" ? null : new { });

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        var (code, message) = await SampleOrders.Error(response);
        Assert.Equal("0x80060888", code);
        Assert.Contains("is not emulated", message, StringComparison.Ordinal);
    }

    // "Use change tracking to synchronize data with external systems": Prefer: odata.track-changes.
    [Fact]
    public async Task Change_tracking_answers_501_instead_of_an_ordinary_page_without_a_delta_link()
    {
        using var response = await emulator.Send(HttpMethod.Get, "salesorders?$select=name", null, ("Prefer", "odata.track-changes"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Contains("Change tracking", (await SampleOrders.Error(response)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_entity_set_or_record_that_does_not_exist_answers_404()
    {
        using var set = await emulator.Send(HttpMethod.Get, "opportunities");
        using var record = await emulator.Send(HttpMethod.Get, $"contacts({Guid.NewGuid()})/fullname");

        Assert.Equal(HttpStatusCode.NotFound, set.StatusCode);
        Assert.Equal("Resource not found for the segment 'opportunities'.", (await SampleOrders.Error(set)).Message);
        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
        Assert.EndsWith("Does Not Exist", (await SampleOrders.Error(record)).Message, StringComparison.Ordinal);
    }
}
