using System.Net;
using System.Text.Json;

namespace CustomerPortal.DataverseEmulator.Tests;

// Reads, against the request/response pairs of the query pages (q-select, q-filter, q-order, q-page, q-count, q-join).
public sealed class QueryTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task WhoAmI_answers_fixed_ids_with_the_documented_context_and_a_dop_hint()
    {
        using var response = await emulator.Send(HttpMethod.Get, "WhoAmI");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(emulator.Api + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse", body.GetProperty("@odata.context").GetString());
        Assert.Equal("00000000-0000-0000-0000-00000000a001", body.GetProperty("UserId").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("BusinessUnitId").GetString(), out _));
        Assert.True(Guid.TryParse(body.GetProperty("OrganizationId").GetString(), out _));
        Assert.True(int.Parse(response.Headers.GetValues("x-ms-dop-hint").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Single(response.Headers.GetValues("x-ms-ratelimit-burst-remaining-xrm-requests"));
    }

    [Fact]
    public async Task Select_returns_the_key_always_and_selected_empty_columns_as_null()
    {
        var body = await emulator.GetJson("salesorders?$select=name,msdyn_customerrequisitionnumber&$filter=msdyn_customerrequisitionnumber eq null&$top=1");

        Assert.Equal(emulator.Api + "$metadata#salesorders(name,msdyn_customerrequisitionnumber)", body.GetProperty("@odata.context").GetString());
        var order = body.GetProperty("value")[0];
        Assert.Equal(JsonValueKind.Null, order.GetProperty("msdyn_customerrequisitionnumber").ValueKind);
        Assert.True(Guid.TryParse(order.GetProperty("salesorderid").GetString(), out _));
        Assert.Matches("^W/\"\\d+\"$", order.GetProperty("@odata.etag").GetString()!);
        Assert.False(order.TryGetProperty("shipto_city", out _));
    }

    [Fact]
    public async Task Lookup_filters_accept_quoted_and_unquoted_guids_and_return_lower_case_guids()
    {
        var account = emulator.Scalar("SELECT accountid FROM account ORDER BY accountnumber LIMIT 1");
        var expected = int.Parse(emulator.Scalar($"SELECT COUNT(*) FROM salesorder WHERE customerid = '{account.ToUpperInvariant()}'"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expected > 0, "The first account should have orders, or the filter proves nothing.");

        var unquoted = await emulator.GetJson($"salesorders?$select=_customerid_value&$filter=_customerid_value eq {account}");
        var quoted = await emulator.GetJson($"salesorders?$select=_customerid_value&$filter=_customerid_value eq '{account.ToUpperInvariant()}'");

        Assert.Equal(expected, unquoted.GetProperty("value").GetArrayLength());
        Assert.Equal(expected, quoted.GetProperty("value").GetArrayLength());
        Assert.All(unquoted.GetProperty("value").EnumerateArray(), o => Assert.Equal(account, o.GetProperty("_customerid_value").GetString()));
    }

    // The invoice scope of an authorized user reads the order's contact person through salesorderid.
    [Fact]
    public async Task A_lookup_of_a_related_record_filters_through_its_navigation_property()
    {
        var contact = emulator.Scalar("SELECT o.msdyn_contactperson FROM invoice i JOIN salesorder o ON o.salesorderid = i.salesorderid ORDER BY i.msdyn_invoicenumber LIMIT 1");
        var account = emulator.Scalar($"SELECT parentcustomerid FROM contact WHERE contactid = '{contact.ToUpperInvariant()}'");
        int Count(string condition) => int.Parse(emulator.Scalar(
            $"SELECT COUNT(*) FROM invoice i JOIN salesorder o ON o.salesorderid = i.salesorderid WHERE i.customerid = '{account.ToUpperInvariant()}' AND {condition}"),
            System.Globalization.CultureInfo.InvariantCulture);
        var (mine, colleagues) = (Count($"o.msdyn_contactperson = '{contact.ToUpperInvariant()}'"), Count($"o.msdyn_contactperson <> '{contact.ToUpperInvariant()}'"));
        Assert.True(mine > 0, "The contact should have invoices, or the filter proves nothing.");

        var filter = $"_customerid_value eq {account.ToLowerInvariant()} and salesorderid/_msdyn_contactperson_value";
        var equal = await emulator.GetJson($"invoices?$select=msdyn_invoicenumber&$filter={filter} eq {contact.ToLowerInvariant()}");
        var notEqual = await emulator.GetJson($"invoices?$select=msdyn_invoicenumber&$filter={filter} ne {contact.ToLowerInvariant()}");

        Assert.Equal(mine, equal.GetProperty("value").GetArrayLength());
        Assert.Equal(colleagues, notEqual.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task String_functions_are_case_insensitive_and_combine_with_and_or_not()
    {
        var name = emulator.Scalar("SELECT lastname FROM contact ORDER BY contactid LIMIT 1");
        var lower = await emulator.GetJson($"contacts?$select=lastname&$filter=contains(lastname,'{name.ToLowerInvariant()}') and (statecode eq 0 or statecode eq 1) and not (statecode eq 2)");
        var upper = await emulator.GetJson($"contacts?$select=lastname&$filter=startswith(lastname,'{name.ToUpperInvariant()}')");

        Assert.NotEqual(0, lower.GetProperty("value").GetArrayLength());
        Assert.All(lower.GetProperty("value").EnumerateArray(), c => Assert.Contains(name, c.GetProperty("lastname").GetString()!, StringComparison.OrdinalIgnoreCase));
        Assert.NotEqual(0, upper.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task In_function_and_comparisons_on_money_and_dates()
    {
        var body = await emulator.GetJson("salesorders?$select=statuscode,totalamount,createdon,msdyn_requestedreceiptdate"
            + "&$filter=Microsoft.Dynamics.CRM.In(PropertyName='statuscode',PropertyValues=[\"1\",\"100003\"]) and totalamount ge 1000.5 and createdon lt 2026-06-01T00:00:00Z and msdyn_requestedreceiptdate ge 2025-01-01");

        Assert.NotEqual(0, body.GetProperty("value").GetArrayLength());
        foreach (var order in body.GetProperty("value").EnumerateArray())
        {
            Assert.Contains(order.GetProperty("statuscode").GetInt32(), new[] { 1, 100003 });
            Assert.True(order.GetProperty("totalamount").GetDecimal() >= 1000.5m);
            Assert.True(order.GetProperty("createdon").GetDateTimeOffset() < new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
            Assert.True(DateOnly.Parse(order.GetProperty("msdyn_requestedreceiptdate").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= new DateOnly(2025, 1, 1));
        }
    }

    [Fact]
    public async Task Values_are_formatted_as_the_web_api_writes_them()
    {
        using var response = await emulator.Send(HttpMethod.Get, "salesorders?$select=totalamount,createdon,msdyn_requestedreceiptdate,statecode,msdyn_isreadytosync&$filter=msdyn_requestedreceiptdate ne null&$top=1");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("application/json; odata.metadata=minimal", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("4.0", response.Headers.GetValues("OData-Version").Single());
        Assert.Matches("\"totalamount\":\\d+\\.\\d{4}[,}]", text);
        Assert.Matches("\"createdon\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\"", text);
        Assert.Matches("\"msdyn_requestedreceiptdate\":\"\\d{4}-\\d{2}-\\d{2}\"", text);
        Assert.Matches("\"statecode\":\\d[,}]", text);
        Assert.Matches("\"msdyn_isreadytosync\":(true|false)", text);
        Assert.Matches("\"_transactioncurrencyid_value\":\"[0-9a-f-]{36}\"", text);
        Assert.DoesNotContain("@OData.Community", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Annotations_appear_only_when_the_prefer_header_asks_for_them()
    {
        var body = await emulator.GetJson("salesorders?$select=statecode,totalamount,_customerid_value&$top=1",
            ("Prefer", "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue,Microsoft.Dynamics.CRM.lookuplogicalname\""));
        var order = body.GetProperty("value")[0];

        Assert.Equal("account", order.GetProperty("_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").GetString());
        Assert.False(string.IsNullOrEmpty(order.GetProperty("_customerid_value@OData.Community.Display.V1.FormattedValue").GetString()));
        Assert.False(string.IsNullOrEmpty(order.GetProperty("statecode@OData.Community.Display.V1.FormattedValue").GetString()));
        Assert.False(order.TryGetProperty("_customerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty", out _));

        var all = (await emulator.GetJson("salesorders?$select=_customerid_value&$top=1", ("Prefer", "odata.include-annotations=\"*\""))).GetProperty("value")[0];
        Assert.Equal("customerid_account", all.GetProperty("_customerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty").GetString());
    }

    [Fact]
    public async Task Orderby_sorts_on_several_keys_and_top_limits_without_a_next_link()
    {
        var body = await emulator.GetJson("salesorders?$select=statecode,createdon&$orderby=statecode desc,createdon asc&$top=50");
        var rows = body.GetProperty("value").EnumerateArray().Select(o => (State: o.GetProperty("statecode").GetInt32(), Created: o.GetProperty("createdon").GetDateTimeOffset())).ToList();

        Assert.Equal(50, rows.Count);
        Assert.Equal(rows.OrderByDescending(r => r.State).ThenBy(r => r.Created), rows);
        Assert.False(body.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task Count_is_capped_at_5000()
    {
        var lines = await emulator.GetJson("salesorderdetails?$select=salesorderdetailid&$count=true", ("Prefer", "odata.maxpagesize=1"));
        var orders = await emulator.GetJson("salesorders?$select=salesorderid&$count=true&$filter=statecode eq 0", ("Prefer", "odata.maxpagesize=1"));

        Assert.Equal(5000, lines.GetProperty("@odata.count").GetInt32());
        Assert.Equal(int.Parse(emulator.Scalar("SELECT COUNT(*) FROM salesorder WHERE statecode = 0"), System.Globalization.CultureInfo.InvariantCulture), orders.GetProperty("@odata.count").GetInt32());
        Assert.Single(lines.GetProperty("value").EnumerateArray());
    }

    [Fact]
    public async Task Paging_follows_next_links_to_the_end_without_duplicates_or_gaps()
    {
        var account = emulator.Scalar("SELECT customerid FROM salesorder GROUP BY customerid ORDER BY COUNT(*) DESC LIMIT 1");
        var expected = int.Parse(emulator.Scalar($"SELECT COUNT(*) FROM salesorder WHERE customerid = '{account.ToUpperInvariant()}'"), System.Globalization.CultureInfo.InvariantCulture);
        var seen = new List<string>();
        string? next = $"salesorders?$select=msdyn_salesordernumber,createdon&$filter=_customerid_value eq {account}&$orderby=createdon desc";
        var pages = 0;
        while (next is not null)
        {
            using var response = await emulator.Send(HttpMethod.Get, next, null, ("Prefer", "odata.maxpagesize=7"));
            Assert.Equal("odata.maxpagesize=7", response.Headers.GetValues("Preference-Applied").Single());
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
            var value = body.GetProperty("value");
            Assert.True(value.GetArrayLength() <= 7);
            seen.AddRange(value.EnumerateArray().Select(o => o.GetProperty("salesorderid").GetString()!));
            next = body.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            Assert.True(next is null || next.StartsWith(emulator.Api, StringComparison.Ordinal), next);
            pages++;
        }

        Assert.Equal(expected, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal((expected + 6) / 7, pages);
    }

    [Fact]
    public async Task A_page_boundary_does_not_move_when_rows_are_inserted_before_it()
    {
        var first = await emulator.GetJson("uoms?$select=name", ("Prefer", "odata.maxpagesize=2"));
        var next = first.GetProperty("@odata.nextLink").GetString()!;
        var expected = await emulator.GetJson(next, ("Prefer", "odata.maxpagesize=2"));

        using var created = await emulator.Send(HttpMethod.Post, "uoms", new Dictionary<string, object> { ["uomid"] = "00000000-0000-0000-0000-000000000001", ["name"] = "Inserted first", ["msdyn_symbol"] = "zz" });
        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        var again = await emulator.GetJson(next, ("Prefer", "odata.maxpagesize=2"));

        Assert.Equal(expected.GetProperty("value").GetRawText(), again.GetProperty("value").GetRawText());
    }

    [Fact]
    public async Task Expand_single_valued_with_select_and_order_details_with_filter_orderby_top()
    {
        var body = await emulator.GetJson("salesorders?$select=name&$top=3&$expand=customerid_account($select=name,accountnumber),order_details($select=sequencenumber,quantity;$filter=quantity gt 0;$orderby=sequencenumber desc;$top=2)");

        foreach (var order in body.GetProperty("value").EnumerateArray())
        {
            var customer = order.GetProperty("customerid_account");
            Assert.True(Guid.TryParse(customer.GetProperty("accountid").GetString(), out _));
            Assert.False(string.IsNullOrEmpty(customer.GetProperty("accountnumber").GetString()));
            var lines = order.GetProperty("order_details").EnumerateArray().Select(l => l.GetProperty("sequencenumber").GetInt32()).ToList();
            Assert.InRange(lines.Count, 1, 2);
            Assert.Equal(lines.OrderDescending(), lines);
        }
    }

    [Fact]
    public async Task A_record_by_key_has_the_entity_context_and_unknown_keys_answer_404()
    {
        var id = emulator.Scalar("SELECT contactid FROM contact LIMIT 1");
        var contact = await emulator.GetJson($"contacts({id})?$select=fullname");
        using var missing = await emulator.Send(HttpMethod.Get, $"contacts({Guid.NewGuid()})?$select=fullname");

        Assert.Equal(emulator.Api + "$metadata#contacts(fullname)/$entity", contact.GetProperty("@odata.context").GetString());
        Assert.Equal(id, contact.GetProperty("contactid").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.EndsWith("Does Not Exist", await ErrorMessage(missing), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alternate_key_reads_a_company_by_its_code()
    {
        var code = emulator.Scalar("SELECT cdm_companycode FROM cdm_company LIMIT 1").ToUpperInvariant();
        var company = await emulator.GetJson($"cdm_companies(cdm_companycode='{code}')?$select=cdm_companycode");

        Assert.Equal(code, company.GetProperty("cdm_companycode").GetString());
    }

    [Theory]
    [InlineData("salesorders?$skip=10", "The query parameter $skip is not supported")]
    [InlineData("salesorders?$search=x", "The query parameter $search is not supported")]
    [InlineData("salesorders?$format=json", "The query parameter $format is not supported")]
    [InlineData("salesorders?$select=nosuchcolumn", "Could not find a property named 'nosuchcolumn' on type 'Microsoft.Dynamics.CRM.salesorder'.")]
    [InlineData("salesorders?$select=customerid", "Could not find a property named 'customerid' on type 'Microsoft.Dynamics.CRM.salesorder'.")]
    public async Task Unsupported_options_and_unknown_columns_are_refused_with_0x80060888(string url, string message)
    {
        using var response = await emulator.Send(HttpMethod.Get, url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("error");
        Assert.Equal("0x80060888", error.GetProperty("code").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_entity_set_answers_404_with_an_error_body()
    {
        using var response = await emulator.Send(HttpMethod.Get, "salesorder");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Resource not found for the segment 'salesorder'.", await ErrorMessage(response));
    }

    [Fact]
    public async Task An_unterminated_literal_is_a_bad_request()
    {
        using var response = await emulator.Send(HttpMethod.Get, "contacts?$filter=lastname eq 'O''Bry");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("There is an unterminated literal at position", await ErrorMessage(response), StringComparison.Ordinal);
    }

    private static async Task<string> ErrorMessage(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("message").GetString()!;
}
