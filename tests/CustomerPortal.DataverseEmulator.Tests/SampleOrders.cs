using System.Net;
using System.Text.Json;

namespace CustomerPortal.DataverseEmulator.Tests;

// Bodies for orders and lines of the first seeded account, as the portal posts them (create, deep insert),
// and the few reads the tests share.
public sealed class SampleOrders(EmulatorFixture emulator)
{
    public string Account => emulator.Scalar("SELECT accountid FROM account ORDER BY accountnumber LIMIT 1");

    public string Company => emulator.Scalar($"SELECT msdyn_company FROM account WHERE accountid = '{Account.ToUpperInvariant()}'");

    public string Currency => emulator.Scalar($"SELECT transactioncurrencyid FROM account WHERE accountid = '{Account.ToUpperInvariant()}'");

    public string Product => emulator.Scalar("SELECT productid FROM product ORDER BY productid LIMIT 1");

    public Dictionary<string, object?> Order(Guid id, string number, params Dictionary<string, object?>[] lines) => new()
    {
        ["salesorderid"] = id,
        ["name"] = "Emulator test",
        ["msdyn_salesordernumber"] = number,
        ["customerid_account@odata.bind"] = $"/accounts({Account})",
        // Leading slash optional, absolute URLs and alternate keys allowed (create, altkey).
        ["msdyn_company@odata.bind"] = $"cdm_companies(cdm_companycode='{emulator.Scalar($"SELECT cdm_companycode FROM cdm_company WHERE cdm_companyid = '{Company.ToUpperInvariant()}'").ToUpperInvariant()}')",
        ["transactioncurrencyid@odata.bind"] = $"{emulator.Api}transactioncurrencies({Currency})",
        ["msdyn_requestedreceiptdate"] = "2026-12-24",
        ["order_details"] = lines,
    };

    public Dictionary<string, object?> Line(Guid id, decimal quantity, string? product = null) => new()
    {
        ["salesorderdetailid"] = id,
        ["productid@odata.bind"] = $"/products({product ?? Product})",
        ["uomid@odata.bind"] = $"/uoms({emulator.Scalar("SELECT defaultuomid FROM product ORDER BY productid LIMIT 1")})",
        ["msdyn_company@odata.bind"] = $"/cdm_companies({Company})",
        ["transactioncurrencyid@odata.bind"] = $"/transactioncurrencies({Currency})",
        ["quantity"] = quantity,
        ["priceperunit"] = 12.5m,
    };

    // Posts a new order with lines of the given quantities; answers the order id and the line ids.
    public async Task<(Guid Order, Guid[] Lines)> Create(params decimal[] quantities)
    {
        var id = Guid.NewGuid();
        var lines = quantities.Select(_ => Guid.NewGuid()).ToArray();
        using var response = await emulator.Send(HttpMethod.Post, "salesorders", Order(id, "EMU-" + id.ToString("N")[..8], [.. lines.Select((l, i) => Line(l, quantities[i]))]));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return (id, lines);
    }

    public int Count(string table, string where) => int.Parse(emulator.Scalar($"SELECT COUNT(*) FROM {table} WHERE {where}"), System.Globalization.CultureInfo.InvariantCulture);

    public static string Stored(Guid id) => id.ToString().ToUpperInvariant();

    // The Web API error body: {"error":{"code","message"}}.
    public static async Task<(string Code, string Message)> Error(HttpResponseMessage response)
    {
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        return (error.GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
    }
}
