using System.Net;
using System.Text.Json;

namespace CustomerPortal.DataverseEmulator.Tests;

// Nested $expand ("Join tables using OData": nested expand of single-valued navigation properties and nested
// $expand on collection-valued navigation properties, the Web API's multi-level expand).
public sealed class ExpandTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly SampleOrders _orders = new(emulator);

    private const string LinesWithProductAndUnit =
        "order_details($select=quantity;$expand=productid($select=name,msdyn_productnumber),uomid($select=name))";

    [Fact]
    public async Task Lines_expand_their_product_and_unit_two_levels_deep()
    {
        var (order, lines) = await _orders.Create(2, 3);

        var body = await emulator.GetJson($"salesorders({order})?$select=name&$expand={LinesWithProductAndUnit}");

        var details = body.GetProperty("order_details").EnumerateArray().ToList();
        Assert.Equal(lines.Order(), details.Select(d => Guid.Parse(d.GetProperty("salesorderdetailid").GetString()!)).Order());
        Assert.All(details, line =>
        {
            Assert.Equal(_orders.Product, line.GetProperty("productid").GetProperty("productid").GetString());
            Assert.False(string.IsNullOrEmpty(line.GetProperty("productid").GetProperty("msdyn_productnumber").GetString()));
            Assert.False(string.IsNullOrEmpty(line.GetProperty("uomid").GetProperty("name").GetString()));
            Assert.False(line.GetProperty("productid").TryGetProperty("description", out _));
        });
    }

    [Fact]
    public async Task Single_valued_navigations_nest_from_a_line_to_its_order_to_its_customer()
    {
        var (_, lines) = await _orders.Create(1);

        var line = await emulator.GetJson($"salesorderdetails({lines[0]})?$select=quantity&$expand=salesorderid($select=name;$expand=customerid_account($select=accountnumber))");

        Assert.Equal(_orders.Account, line.GetProperty("salesorderid").GetProperty("customerid_account").GetProperty("accountid").GetString());
    }

    // With a nested $expand, odata.maxpagesize pages every expanded collection and <nav>@odata.nextLink leads
    // to the rest of that record's collection, which keeps the nested expansion.
    [Fact]
    public async Task Maxpagesize_pages_an_expanded_collection_with_its_own_next_link()
    {
        var (order, lines) = await _orders.Create(1, 2, 3);
        var prefer = ("Prefer", "odata.maxpagesize=2");

        var body = await emulator.GetJson($"salesorders({order})?$select=name&$expand={LinesWithProductAndUnit}", prefer);
        var first = body.GetProperty("order_details").EnumerateArray().ToList();
        var next = body.GetProperty("order_details@odata.nextLink").GetString()!;
        var rest = await emulator.GetJson(next, prefer);

        Assert.Equal(2, first.Count);
        Assert.StartsWith($"{emulator.Api}salesorders({order})/order_details?", next, StringComparison.Ordinal);
        var all = first.Concat(rest.GetProperty("value").EnumerateArray()).ToList();
        Assert.Equal(lines.Order(), all.Select(l => Guid.Parse(l.GetProperty("salesorderdetailid").GetString()!)).Order());
        Assert.All(all, l => Assert.Equal(JsonValueKind.Object, l.GetProperty("productid").ValueKind));
        Assert.False(rest.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task A_single_level_collection_expansion_is_not_paged()
    {
        var (order, _) = await _orders.Create(1, 2, 3);

        var body = await emulator.GetJson($"salesorders({order})?$select=name&$expand=order_details($select=quantity)", ("Prefer", "odata.maxpagesize=2"));

        Assert.Equal(3, body.GetProperty("order_details").GetArrayLength());
        Assert.False(body.TryGetProperty("order_details@odata.nextLink", out _));
    }

    [Theory]
    [InlineData("order_details($orderby=quantity;$expand=productid($select=name))")]
    [InlineData("order_details($top=1;$expand=uomid($select=name))")]
    [InlineData("customerid_account($orderby=name)")]
    public async Task Orderby_and_top_are_refused_where_the_expansion_is_nested(string expand)
    {
        using var response = await emulator.Send(HttpMethod.Get, $"salesorders?$select=name&$top=1&$expand={expand}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("0x80060888", "Only $select and $filter clause can be provided while doing $expand on many-to-one relationship or nested one-to-many relationship."),
            await SampleOrders.Error(response));
    }
}
