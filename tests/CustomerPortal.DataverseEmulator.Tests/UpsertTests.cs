using System.Net;
using System.Text.Json;

namespace CustomerPortal.DataverseEmulator.Tests;

// "Upsert a table row using the Web API" and "Use an alternate key to reference a record": PATCH to an alternate
// key URL creates the record when missing and updates it when present; If-Match: * and If-None-Match: * make it
// update-only and create-only ("Perform conditional operations using the Web API").
public sealed class UpsertTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly SampleOrders _orders = new(emulator);

    [Fact]
    public async Task Patch_to_an_alternate_key_creates_then_updates_the_same_record()
    {
        var symbol = "E" + Guid.NewGuid().ToString("N")[..6];
        var url = $"uoms(msdyn_symbol='{symbol}')";

        using var created = await emulator.Send(HttpMethod.Patch, url + "?$select=name,msdyn_symbol", new { name = "Emulator unit" }, ("Prefer", "return=representation"));
        using var updated = await emulator.Send(HttpMethod.Patch, url, new { name = "Renamed unit" });
        var read = await emulator.GetJson(url + "?$select=name");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(symbol, JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("msdyn_symbol").GetString());
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        // For an alternate key the entity id shows the key URL, not a GUID (upsert).
        Assert.Equal(emulator.Api + url, updated.Headers.GetValues("OData-EntityId").Single());
        Assert.Equal("Renamed unit", read.GetProperty("name").GetString());
        Assert.Equal(1, _orders.Count("uom", $"msdyn_symbol = '{symbol}'"));
    }

    [Fact]
    public async Task If_match_star_refuses_to_create_and_if_none_match_star_refuses_to_update()
    {
        var symbol = "E" + Guid.NewGuid().ToString("N")[..6];

        using var updateOnly = await emulator.Send(HttpMethod.Patch, $"uoms(msdyn_symbol='{symbol}')", new { name = "x" }, ("If-Match", "*"));
        using var create = await emulator.Send(HttpMethod.Patch, $"uoms(msdyn_symbol='{symbol}')", new { name = "x" }, ("If-None-Match", "*"));
        using var createAgain = await emulator.Send(HttpMethod.Patch, $"uoms(msdyn_symbol='{symbol}')", new { name = "y" }, ("If-None-Match", "*"));

        Assert.Equal(HttpStatusCode.NotFound, updateOnly.StatusCode);
        Assert.Equal("A record with the specified key values does not exist in uom entity", (await SampleOrders.Error(updateOnly)).Message);
        Assert.Equal(HttpStatusCode.NoContent, create.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, createAgain.StatusCode);
        Assert.Equal(("0x80040237", "A record with matching key values already exists."), await SampleOrders.Error(createAgain));
    }

    // Dual-write keys company-striped tables by (number, company); the lookup part uses its lookup property.
    [Fact]
    public async Task A_compound_key_of_order_number_and_company_creates_and_reads_an_order()
    {
        var number = "EMU-K" + Guid.NewGuid().ToString("N")[..6];
        var key = $"msdyn_salesordernumber='{number}',_msdyn_company_value={_orders.Company}";
        var body = new Dictionary<string, object?>
        {
            ["name"] = "Upserted by key",
            ["customerid_account@odata.bind"] = $"/accounts({_orders.Account})",
            ["transactioncurrencyid@odata.bind"] = $"/transactioncurrencies({_orders.Currency})",
        };

        using var created = await emulator.Send(HttpMethod.Patch, $"salesorders({key})", body);
        var read = await emulator.GetJson($"salesorders(_msdyn_company_value={_orders.Company},msdyn_salesordernumber='{number}')?$select=name,msdyn_salesordernumber,_msdyn_company_value");
        using var half = await emulator.Send(HttpMethod.Get, $"salesorders(msdyn_salesordernumber='{number}')");

        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        Assert.Equal("Upserted by key", read.GetProperty("name").GetString());
        Assert.Equal(_orders.Company, read.GetProperty("_msdyn_company_value").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        Assert.StartsWith("The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.salesorder'.", (await SampleOrders.Error(half)).Message, StringComparison.Ordinal);
    }
}
