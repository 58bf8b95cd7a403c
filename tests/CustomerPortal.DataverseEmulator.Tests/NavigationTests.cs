using System.Net;
using System.Text.Json;

namespace CustomerPortal.DataverseEmulator.Tests;

// URLs below a record: related collections and records ("Retrieve related table rows with a query"), single
// properties ("Retrieve a table row using the Web API", "Update and delete table rows using the Web API":
// single property values), and "Associate and disassociate table rows using the Web API" ($ref).
public sealed class NavigationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly SampleOrders _orders = new(emulator);

    [Fact]
    public async Task An_orders_lines_are_a_collection_with_query_options_and_a_count()
    {
        var (order, _) = await _orders.Create(2, 5, 3);
        await _orders.Create(7);

        var lines = await emulator.GetJson($"salesorders({order})/order_details?$select=quantity&$filter=quantity gt 2&$orderby=quantity desc");
        using var count = await emulator.Send(HttpMethod.Get, $"salesorders({order})/order_details/$count");

        Assert.Equal([5m, 3m], lines.GetProperty("value").EnumerateArray().Select(l => l.GetProperty("quantity").GetDecimal()));
        Assert.Equal("3", await count.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_lines_of_a_missing_order_answer_404_and_of_an_existing_order_never()
    {
        using var missing = await emulator.Send(HttpMethod.Get, $"salesorders({Guid.NewGuid()})/order_details");
        var (order, _) = await _orders.Create(1);
        using var existing = await emulator.Send(HttpMethod.Get, $"salesorders({order})/order_details?$select=quantity");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.EndsWith("Does Not Exist", (await SampleOrders.Error(missing)).Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, existing.StatusCode);
    }

    [Fact]
    public async Task A_lines_order_is_its_single_valued_navigation()
    {
        var (order, lines) = await _orders.Create(1);

        var parent = await emulator.GetJson($"salesorderdetails({lines[0]})/salesorderid?$select=name,msdyn_salesordernumber");

        Assert.Equal(order.ToString(), parent.GetProperty("salesorderid").GetString());
        Assert.Equal("Emulator test", parent.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_single_property_reads_as_value_and_as_raw_text_and_is_set_and_cleared()
    {
        var id = emulator.Scalar("SELECT contactid FROM contact ORDER BY contactid LIMIT 1 OFFSET 5");

        using var put = await emulator.Send(HttpMethod.Put, $"contacts({id})/jobtitle", new { value = "Head of purchasing" });
        var value = await emulator.GetJson($"contacts({id})/jobtitle");
        using var raw = await emulator.Send(HttpMethod.Get, $"contacts({id})/jobtitle/$value");
        using var delete = await emulator.Send(HttpMethod.Delete, $"contacts({id})/jobtitle");
        using var cleared = await emulator.Send(HttpMethod.Get, $"contacts({id})/jobtitle");

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal($"{emulator.Api}$metadata#contacts({id})/jobtitle", value.GetProperty("@odata.context").GetString());
        Assert.Equal("Head of purchasing", value.GetProperty("value").GetString());
        Assert.Equal("Head of purchasing", await raw.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal("", emulator.Scalar($"SELECT IFNULL(jobtitle, '') FROM contact WHERE contactid = '{id.ToUpperInvariant()}'"));
    }

    [Fact]
    public async Task A_lookup_is_associated_and_disassociated_through_ref()
    {
        var (order, _) = await _orders.Create(1);
        var contact = emulator.Scalar($"SELECT contactid FROM contact WHERE parentcustomerid = '{_orders.Account.ToUpperInvariant()}' LIMIT 1");

        using var associate = await emulator.Send(HttpMethod.Put, $"salesorders({order})/msdyn_contactperson/$ref", new Dictionary<string, string> { ["@odata.id"] = $"{emulator.Api}contacts({contact})" });
        var associated = await emulator.GetJson($"salesorders({order})?$select=_msdyn_contactperson_value");
        using var disassociate = await emulator.Send(HttpMethod.Delete, $"salesorders({order})/msdyn_contactperson/$ref");
        var disassociated = await emulator.GetJson($"salesorders({order})?$select=_msdyn_contactperson_value");

        Assert.Equal(HttpStatusCode.NoContent, associate.StatusCode);
        Assert.Equal(contact, associated.GetProperty("_msdyn_contactperson_value").GetString());
        Assert.Equal(HttpStatusCode.NoContent, disassociate.StatusCode);
        Assert.Equal(JsonValueKind.Null, disassociated.GetProperty("_msdyn_contactperson_value").ValueKind);
    }

    [Fact]
    public async Task A_line_moves_to_another_order_through_the_collections_ref_and_a_required_parent_cannot_be_removed()
    {
        var (from, lines) = await _orders.Create(1, 2);
        var (to, _) = await _orders.Create(3);

        using var move = await emulator.Send(HttpMethod.Post, $"salesorders({to})/order_details/$ref", new Dictionary<string, string> { ["@odata.id"] = $"salesorderdetails({lines[0]})" });
        using var remove = await emulator.Send(HttpMethod.Delete, $"salesorders({to})/order_details({lines[0]})/$ref");

        Assert.Equal(HttpStatusCode.NoContent, move.StatusCode);
        Assert.Equal(2, _orders.Count("salesorderdetail", $"salesorderid = '{SampleOrders.Stored(to)}'"));
        Assert.Equal(1, _orders.Count("salesorderdetail", $"salesorderid = '{SampleOrders.Stored(from)}'"));
        Assert.Equal(HttpStatusCode.BadRequest, remove.StatusCode);
    }
}
