using System.Net;

namespace CustomerPortal.DataverseEmulator.Tests;

// "Delete table rows using the Web API" (DELETE {set}({id}) → 204), with the relationships' cascade rules and
// "Perform conditional operations using the Web API" (If-Match on delete).
public sealed class DeleteTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly SampleOrders _orders = new(emulator);

    [Fact]
    public async Task Deleting_an_order_answers_204_and_its_lines_go_with_it()
    {
        var (order, lines) = await _orders.Create(1, 2);

        using var response = await emulator.Send(HttpMethod.Delete, $"salesorders({order})");
        using var again = await emulator.Send(HttpMethod.Get, $"salesorders({order})?$select=name");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, _orders.Count("salesorder", $"salesorderid = '{SampleOrders.Stored(order)}'"));
        Assert.Equal(0, _orders.Count("salesorderdetail", $"salesorderdetailid IN ('{SampleOrders.Stored(lines[0])}', '{SampleOrders.Stored(lines[1])}')"));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_missing_record_answers_404_with_the_dataverse_message()
    {
        var id = Guid.NewGuid();

        using var response = await emulator.Send(HttpMethod.Delete, $"salesorders({id})");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal($"salesorder With Id = {id} Does Not Exist", (await SampleOrders.Error(response)).Message);
    }

    // A record other records must refer to (an order's customer) cannot be deleted: CannotDeleteDueToAssociation.
    [Fact]
    public async Task An_account_with_orders_is_not_deleted()
    {
        using var response = await emulator.Send(HttpMethod.Delete, $"accounts({_orders.Account})");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(("0x80040227", "The object you tried to delete is associated with another object and cannot be deleted."), await SampleOrders.Error(response));
        Assert.Equal(1, _orders.Count("account", $"accountid = '{_orders.Account.ToUpperInvariant()}'"));
    }

    // An optional lookup only loses its link: the orders of a deleted contact person stay, without contact person.
    [Fact]
    public async Task Deleting_a_contact_person_keeps_their_orders_and_clears_the_lookup()
    {
        var contact = emulator.Scalar("SELECT msdyn_contactperson FROM salesorder WHERE msdyn_contactperson IS NOT NULL ORDER BY salesorderid DESC LIMIT 1");
        var orders = _orders.Count("salesorder", $"msdyn_contactperson = '{contact.ToUpperInvariant()}'");

        using var response = await emulator.Send(HttpMethod.Delete, $"contacts({contact})");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(orders > 0);
        Assert.Equal(0, _orders.Count("salesorder", $"msdyn_contactperson = '{contact.ToUpperInvariant()}'"));
        Assert.Equal(0, _orders.Count("contact", $"contactid = '{contact.ToUpperInvariant()}'"));
    }

    [Fact]
    public async Task A_delete_with_a_stale_etag_is_412_and_deletes_nothing()
    {
        var (order, _) = await _orders.Create(1);
        var etag = (await emulator.GetJson($"salesorders({order})?$select=name")).GetProperty("@odata.etag").GetString()!;
        using var update = await emulator.Send(HttpMethod.Patch, $"salesorders({order})", new { name = "Changed meanwhile" });

        using var stale = await emulator.Send(HttpMethod.Delete, $"salesorders({order})", null, ("If-Match", etag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(1, _orders.Count("salesorder", $"salesorderid = '{SampleOrders.Stored(order)}'"));
    }
}
