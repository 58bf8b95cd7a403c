using System.Net;
using System.Text.Json;

namespace CustomerPortal.DataverseEmulator.Tests;

// Create with deep insert, @odata.bind, duplicates, conditional update (create, upsert, cond, update).
public sealed class WriteTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly SampleOrders _orders = new(emulator);

    private string Account => _orders.Account;

    private Dictionary<string, object?> Order(Guid id, string number, params Dictionary<string, object?>[] lines) => _orders.Order(id, number, lines);

    private Dictionary<string, object?> Line(Guid id, decimal quantity, string? product = null) => _orders.Line(id, quantity, product);

    [Fact]
    public async Task Deep_insert_creates_the_order_and_its_lines_and_answers_204_with_the_entity_id()
    {
        var id = Guid.NewGuid();
        using var response = await emulator.Send(HttpMethod.Post, "salesorders", Order(id, "EMU-" + id.ToString("N")[..8], Line(Guid.NewGuid(), 2), Line(Guid.NewGuid(), 3)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal($"{emulator.Api}salesorders({id})", response.Headers.GetValues("OData-EntityId").Single());
        var order = await emulator.GetJson($"salesorders({id})?$select=_customerid_value,totalamount,statecode,statuscode&$expand=order_details($select=quantity,extendedamount)");
        Assert.Equal(Account, order.GetProperty("_customerid_value").GetString());
        Assert.Equal(2, order.GetProperty("order_details").GetArrayLength());
        Assert.Equal(62.5m, order.GetProperty("totalamount").GetDecimal());
        Assert.Equal(0, order.GetProperty("statecode").GetInt32());
        Assert.Equal(1, order.GetProperty("statuscode").GetInt32());
    }

    [Fact]
    public async Task A_write_in_line_without_a_product_round_trips_its_description_and_unit()
    {
        var id = Guid.NewGuid();
        var lineId = Guid.NewGuid();
        var writeIn = Line(lineId, 1);
        writeIn.Remove("productid@odata.bind");
        writeIn["isproductoverridden"] = true;
        writeIn["productdescription"] = "On-site installation, half a day";
        using var response = await emulator.Send(HttpMethod.Post, "salesorders", Order(id, "EMU-" + id.ToString("N")[..8], Line(Guid.NewGuid(), 2), writeIn));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var line = await emulator.GetJson($"salesorderdetails({lineId})?$select=_productid_value,_uomid_value,isproductoverridden,productdescription");
        Assert.Equal(JsonValueKind.Null, line.GetProperty("_productid_value").ValueKind);
        Assert.Equal(emulator.Scalar("SELECT defaultuomid FROM product ORDER BY productid LIMIT 1").ToUpperInvariant(), line.GetProperty("_uomid_value").GetString()!.ToUpperInvariant());
        Assert.True(line.GetProperty("isproductoverridden").GetBoolean());
        Assert.Equal("On-site installation, half a day", line.GetProperty("productdescription").GetString());
    }

    [Fact]
    public async Task Return_representation_answers_201_with_the_record_and_no_entity_id()
    {
        var id = Guid.NewGuid();
        using var response = await emulator.Send(HttpMethod.Post, "salesorders?$select=name", Order(id, "EMU-" + id.ToString("N")[..8], Line(Guid.NewGuid(), 1)), ("Prefer", "return=representation"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("OData-EntityId"));
        Assert.Equal("return=representation", response.Headers.GetValues("Preference-Applied").Single());
        Assert.EndsWith("$metadata#salesorders(name)/$entity", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.Equal(id.ToString(), body.GetProperty("salesorderid").GetString());
        Assert.Equal(body.GetProperty("@odata.etag").GetString(), response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task A_bad_line_writes_nothing_at_all()
    {
        var id = Guid.NewGuid();
        var good = Guid.NewGuid();
        using var response = await emulator.Send(HttpMethod.Post, "salesorders",
            Order(id, "EMU-" + id.ToString("N")[..8], Line(good, 1), Line(Guid.NewGuid(), 1, product: Guid.NewGuid().ToString())));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("0", emulator.Scalar($"SELECT COUNT(*) FROM salesorder WHERE salesorderid = '{id.ToString().ToUpperInvariant()}'"));
        Assert.Equal("0", emulator.Scalar($"SELECT COUNT(*) FROM salesorderdetail WHERE salesorderdetailid = '{good.ToString().ToUpperInvariant()}'"));
    }

    [Fact]
    public async Task An_unknown_property_in_a_line_is_a_payload_error_and_writes_nothing()
    {
        var id = Guid.NewGuid();
        var line = Line(Guid.NewGuid(), 1);
        line["nosuchcolumn"] = 1;
        using var response = await emulator.Send(HttpMethod.Post, "salesorders", Order(id, "EMU-" + id.ToString("N")[..8], line));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The property 'nosuchcolumn' does not exist on type 'Microsoft.Dynamics.CRM.salesorderdetail'", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("0", emulator.Scalar($"SELECT COUNT(*) FROM salesorder WHERE salesorderid = '{id.ToString().ToUpperInvariant()}'"));
    }

    [Fact]
    public async Task Posting_the_same_salesorderid_again_is_a_412_duplicate_and_the_first_order_stays()
    {
        var id = Guid.NewGuid();
        using var first = await emulator.Send(HttpMethod.Post, "salesorders", Order(id, "EMU-" + id.ToString("N")[..8], Line(Guid.NewGuid(), 1)));
        using var second = await emulator.Send(HttpMethod.Post, "salesorders", Order(id, "EMU-X" + id.ToString("N")[..7], Line(Guid.NewGuid(), 5)));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        var error = JsonDocument.Parse(await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("error");
        Assert.Equal("0x80040237", error.GetProperty("code").GetString());
        Assert.Equal("A record with matching key values already exists.", error.GetProperty("message").GetString());
        Assert.Equal("1", emulator.Scalar($"SELECT COUNT(*) FROM salesorderdetail WHERE salesorderid = '{id.ToString().ToUpperInvariant()}'"));
    }

    [Fact]
    public async Task The_same_order_number_in_the_same_company_is_a_duplicate()
    {
        var number = "EMU-" + Guid.NewGuid().ToString("N")[..8];
        using var first = await emulator.Send(HttpMethod.Post, "salesorders", Order(Guid.NewGuid(), number, Line(Guid.NewGuid(), 1)));
        using var second = await emulator.Send(HttpMethod.Post, "salesorders", Order(Guid.NewGuid(), number, Line(Guid.NewGuid(), 1)));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
    }

    [Fact]
    public async Task Patch_with_a_stale_etag_is_412_and_with_the_current_etag_updates_and_changes_the_etag()
    {
        var id = emulator.Scalar("SELECT contactid FROM contact ORDER BY contactid DESC LIMIT 1");
        var before = await emulator.GetJson($"contacts({id})?$select=telephone1");
        var etag = before.GetProperty("@odata.etag").GetString()!;

        using var updated = await emulator.Send(HttpMethod.Patch, $"contacts({id})", new { telephone1 = "+1 555 0100", jobtitle = "Buyer" }, ("If-Match", etag));
        using var stale = await emulator.Send(HttpMethod.Patch, $"contacts({id})", new { telephone1 = "+1 555 0199" }, ("If-Match", etag));
        using var any = await emulator.Send(HttpMethod.Patch, $"contacts({id})", new { jobtitle = "Lead buyer" }, ("If-Match", "*"));

        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("The version of the existing record doesn't match the RowVersion property provided.",
            JsonDocument.Parse(await stale.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NoContent, any.StatusCode);
        var after = await emulator.GetJson($"contacts({id})?$select=telephone1,jobtitle");
        Assert.Equal("+1 555 0100", after.GetProperty("telephone1").GetString());
        Assert.Equal("Lead buyer", after.GetProperty("jobtitle").GetString());
        Assert.NotEqual(etag, after.GetProperty("@odata.etag").GetString());
    }

    [Fact]
    public async Task If_match_star_on_a_missing_record_is_404_and_if_none_match_star_on_an_existing_one_is_412()
    {
        var existing = emulator.Scalar("SELECT contactid FROM contact ORDER BY contactid LIMIT 1");
        using var missing = await emulator.Send(HttpMethod.Patch, $"contacts({Guid.NewGuid()})", new { jobtitle = "x" }, ("If-Match", "*"));
        using var createOnly = await emulator.Send(HttpMethod.Patch, $"contacts({existing})", new { jobtitle = "x" }, ("If-None-Match", "*"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, createOnly.StatusCode);
        Assert.Equal("A record with matching key values already exists.",
            JsonDocument.Parse(await createOnly.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("error").GetProperty("message").GetString());
    }
}
