using System.Net;

namespace CustomerPortal.DataverseEmulator.Tests;

// "Use parameter aliases with system query options": aliases in $filter and $orderby; not in $top.
public sealed class AliasTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task An_alias_in_filter_matches_as_the_literal_does()
    {
        var name = emulator.Scalar("SELECT lastname FROM contact ORDER BY contactid LIMIT 1");
        var literal = await emulator.GetJson($"contacts?$select=lastname&$filter=lastname eq '{name}'");

        var aliased = await emulator.GetJson($"contacts?$select=lastname&$filter=lastname eq @p1&@p1='{name}'");

        Assert.NotEqual(0, literal.GetProperty("value").GetArrayLength());
        Assert.Equal(literal.GetProperty("value").GetRawText(), aliased.GetProperty("value").GetRawText());
    }

    // The documented example names the column through the alias in both $filter and $orderby.
    [Fact]
    public async Task One_alias_names_a_column_in_orderby_and_filter()
    {
        var body = await emulator.GetJson("salesorders?$select=totalamount&$top=20&$orderby=@p1 desc&$filter=@p1 gt 100&@p1=totalamount");

        var amounts = body.GetProperty("value").EnumerateArray().Select(o => o.GetProperty("totalamount").GetDecimal()).ToList();
        Assert.NotEmpty(amounts);
        Assert.All(amounts, a => Assert.True(a > 100));
        Assert.Equal(amounts.OrderDescending(), amounts);
    }

    [Fact]
    public async Task An_alias_in_top_is_refused()
    {
        using var response = await emulator.Send(HttpMethod.Get, "contacts?$select=lastname&$top=@p1&@p1=2");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
