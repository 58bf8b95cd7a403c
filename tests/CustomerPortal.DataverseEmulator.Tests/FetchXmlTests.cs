using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Web;
using System.Xml.Linq;

namespace CustomerPortal.DataverseEmulator.Tests;

// FetchXML through the Web API, against Microsoft's pages (https://learn.microsoft.com/power-apps/developer/data-platform/…):
// webapi/use-fetchxml-web-api (fetchXml= on the entity set, null columns left out), fetchxml/filter-rows,
// fetchxml/reference/operators, fetchxml/order-rows, fetchxml/join-tables (link-entity, alias.attribute),
// fetchxml/page-results (paging cookies, Web API tab), fetchxml/count-rows (Web API tab). Everything outside the
// emulated subset answers 400 or 501 and never rows.
public sealed class FetchXmlTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string PagingAnnotations = "odata.include-annotations=\"Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords\"";

    // The issue's report: a filtered, one-column, top-3 fetch answered every order with every column.
    [Fact]
    public async Task Use_fetchxml_web_api_a_filtered_one_column_top_3_fetch_returns_3_matching_rows_with_that_column_and_the_key()
    {
        var body = await Fetch("salesorders", """
            <fetch top="3"><entity name="salesorder"><attribute name="msdyn_salesordernumber"/>
              <filter><condition attribute="msdyn_processingstatus" operator="eq" value="192350007"/></filter>
              <order attribute="msdyn_salesordernumber"/></entity></fetch>
            """);
        var expected = Column("SELECT msdyn_salesordernumber FROM salesorder WHERE msdyn_processingstatus = 192350007 ORDER BY msdyn_salesordernumber LIMIT 3");

        var rows = body.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(expected, rows.Select(r => r.GetProperty("msdyn_salesordernumber").GetString()!.ToLowerInvariant()));
        Assert.All(rows, r => Assert.Equal(["@odata.etag", "msdyn_salesordernumber", "salesorderid"], r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(emulator.Api + "$metadata#salesorders(msdyn_salesordernumber,salesorderid)", body.GetProperty("@odata.context").GetString());
    }

    // filter-rows: nested and/or filters; operators eq, ne, lt, le, gt, ge, like, not-like, begins-with, ends-with, in, null, not-null.
    [Theory]
    [InlineData("""<filter type="or"><condition attribute="lastname" operator="begins-with" value="j"/><condition attribute="lastname" operator="ends-with" value="Z"/></filter>""",
        "lastname LIKE 'j%' OR lastname LIKE '%z'")]
    [InlineData("""<filter><condition attribute="fullname" operator="like" value="%an%"/><condition attribute="fullname" operator="not-like" value="%ch%"/></filter>""",
        "fullname LIKE '%an%' AND fullname NOT LIKE '%ch%'")]
    [InlineData("""<filter type="and"><condition attribute="statecode" operator="eq" value="0"/><filter type="or"><condition attribute="lastname" operator="lt" value="F"/><condition attribute="lastname" operator="ge" value="S"/></filter></filter>""",
        "statecode = 0 AND (lastname < 'F' COLLATE NOCASE OR lastname >= 'S' COLLATE NOCASE)")]
    [InlineData("""<filter><condition attribute="lastname" operator="in"><value>Fabrikam</value><value>Representative</value><value>Nobody</value></condition></filter>""",
        "lastname IN ('Fabrikam', 'Representative')")]
    [InlineData("""<filter><condition attribute="emailaddress1" operator="not-null"/><condition attribute="statecode" operator="ne" value="1"/></filter>""",
        "emailaddress1 IS NOT NULL AND statecode <> 1")]
    [InlineData("""<filter><condition attribute="emailaddress1" operator="null"/></filter>""",
        "emailaddress1 IS NULL")]
    public async Task Filter_rows_conditions_and_nested_filters_select_exactly_the_matching_rows(string filter, string sql)
    {
        var body = await Fetch("contacts", $"""<fetch><entity name="contact"><attribute name="fullname"/>{filter}</entity></fetch>""");
        var expected = Column($"SELECT contactid FROM contact WHERE {sql} ORDER BY contactid");

        Assert.Equal(expected, body.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("contactid").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filter_rows_compare_money_dates_and_lookups_by_their_values()
    {
        var account = emulator.Scalar("SELECT customerid FROM salesorder GROUP BY customerid ORDER BY COUNT(*) DESC LIMIT 1");
        var body = await Fetch("salesorders", $"""
            <fetch><entity name="salesorder"><attribute name="totalamount"/><attribute name="createdon"/>
              <filter><condition attribute="customerid" operator="eq" value="{account}"/>
                <condition attribute="totalamount" operator="gt" value="1000.5"/>
                <condition attribute="msdyn_requestedreceiptdate" operator="ge" value="2025-01-01"/></filter></entity></fetch>
            """);
        var expected = int.Parse(emulator.Scalar($"SELECT COUNT(*) FROM salesorder WHERE customerid = '{account.ToUpperInvariant()}' AND CAST(totalamount AS REAL) > 1000.5 AND msdyn_requestedreceiptdate >= '2025-01-01'"), CultureInfo.InvariantCulture);

        Assert.True(expected > 0, "The account should have such orders, or the filter proves nothing.");
        var rows = body.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.True(r.GetProperty("totalamount").GetDecimal() > 1000.5m));
        Assert.All(rows, r => Assert.True(r.TryGetProperty("_transactioncurrencyid_value", out _), "A money column brings its currency."));
    }

    // order-rows: several orders, descending.
    [Fact]
    public async Task Order_rows_sorts_on_several_attributes()
    {
        var body = await Fetch("salesorders", """
            <fetch count="60"><entity name="salesorder"><attribute name="statecode"/><attribute name="createdon"/>
              <order attribute="statecode" descending="true"/><order attribute="createdon"/></entity></fetch>
            """);
        var rows = body.GetProperty("value").EnumerateArray().Select(o => (State: o.GetProperty("statecode").GetInt32(), Created: o.GetProperty("createdon").GetDateTimeOffset())).ToList();

        Assert.Equal(60, rows.Count);
        Assert.Equal(rows.OrderByDescending(r => r.State).ThenBy(r => r.Created), rows);
    }

    // use-fetchxml-web-api: unlike OData queries, FetchXML results leave null columns out.
    [Fact]
    public async Task Use_fetchxml_web_api_null_columns_are_left_out()
    {
        var body = await Fetch("salesorders", """
            <fetch top="5"><entity name="salesorder"><attribute name="msdyn_customerrequisitionnumber"/><attribute name="name"/>
              <filter><condition attribute="msdyn_customerrequisitionnumber" operator="null"/></filter></entity></fetch>
            """);

        Assert.Equal(5, body.GetProperty("value").GetArrayLength());
        Assert.All(body.GetProperty("value").EnumerateArray(), r => Assert.False(r.TryGetProperty("msdyn_customerrequisitionnumber", out _)));
    }

    // join-tables: an inner link-entity filters the parents and returns its attributes as alias.attribute.
    [Fact]
    public async Task Join_tables_inner_link_entity_returns_linked_attributes_as_alias_dot_attribute_and_applies_its_filter()
    {
        var name = emulator.Scalar("SELECT lastname FROM contact c WHERE EXISTS (SELECT 1 FROM salesorder o WHERE o.msdyn_contactperson = c.contactid) ORDER BY lastname LIMIT 1");
        var body = await Fetch("salesorders", $"""
            <fetch><entity name="salesorder"><attribute name="msdyn_salesordernumber"/>
              <link-entity name="contact" from="contactid" to="msdyn_contactperson" alias="person" link-type="inner">
                <attribute name="fullname"/><attribute name="lastname"/>
                <filter><condition attribute="lastname" operator="eq" value="{name}"/></filter>
              </link-entity></entity></fetch>
            """);
        var expected = int.Parse(emulator.Scalar($"SELECT COUNT(*) FROM salesorder o JOIN contact c ON c.contactid = o.msdyn_contactperson WHERE c.lastname = '{name.Replace("'", "''", StringComparison.Ordinal)}' COLLATE NOCASE"), CultureInfo.InvariantCulture);

        var rows = body.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Equal(name, r.GetProperty("person.lastname").GetString(), ignoreCase: true));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("person.fullname").GetString())));
    }

    // join-tables: an outer link keeps parents without a match (write-in lines have no product), without linked columns.
    [Fact]
    public async Task Join_tables_outer_link_entity_keeps_rows_without_a_match()
    {
        const string fetch = """
            <fetch><entity name="salesorderdetail"><attribute name="productdescription"/>
              <filter><condition attribute="productid" operator="null"/></filter>
              <link-entity name="product" from="productid" to="productid" link-type="{0}"><attribute name="name"/></link-entity>
            </entity></fetch>
            """;
        var outer = await Fetch("salesorderdetails", fetch.Replace("{0}", "outer", StringComparison.Ordinal));
        var inner = await Fetch("salesorderdetails", fetch.Replace("{0}", "inner", StringComparison.Ordinal));
        var writeIns = int.Parse(emulator.Scalar("SELECT COUNT(*) FROM salesorderdetail WHERE productid IS NULL"), CultureInfo.InvariantCulture);

        Assert.True(writeIns > 0, "The demo data should have write-in lines, or the test proves nothing.");
        Assert.Equal(writeIns, outer.GetProperty("value").GetArrayLength());
        Assert.All(outer.GetProperty("value").EnumerateArray(), r => Assert.False(r.TryGetProperty("product1.name", out _)));
        Assert.Equal(0, inner.GetProperty("value").GetArrayLength());
    }

    // page-results, Web API tab: follow the cookie as Microsoft's RetrieveAll sample does (decode twice, set
    // paging-cookie, increment page) until morerecords disappears; every page's cookie names the next page.
    [Fact]
    public async Task Page_results_paging_cookies_walk_every_row_once_and_name_the_right_page_each_time()
    {
        var account = emulator.Scalar("SELECT customerid FROM salesorder GROUP BY customerid ORDER BY COUNT(*) DESC LIMIT 1");
        var expected = Column($"SELECT salesorderid FROM salesorder WHERE customerid = '{account.ToUpperInvariant()}' ORDER BY createdon DESC, salesorderid");
        var fetch = XElement.Parse($"""
            <fetch count="7" page="1"><entity name="salesorder"><attribute name="createdon"/>
              <filter><condition attribute="customerid" operator="eq" value="{account}"/></filter>
              <order attribute="createdon" descending="true"/></entity></fetch>
            """);
        var seen = new List<string>();
        for (var page = 1; ; page++)
        {
            fetch.SetAttributeValue("page", page);
            var body = await Fetch("salesorders", fetch.ToString(), ("Prefer", PagingAnnotations));
            seen.AddRange(body.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("salesorderid").GetString()!));
            if (!body.TryGetProperty("@Microsoft.Dynamics.CRM.morerecords", out var more))
            {
                Assert.False(body.TryGetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie", out _));
                break;
            }

            Assert.True(more.GetBoolean());
            var cookie = XElement.Parse(body.GetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").GetString()!);
            Assert.Equal((page + 1).ToString(CultureInfo.InvariantCulture), (string?)cookie.Attribute("pagenumber"));
            var inner = HttpUtility.UrlDecode(HttpUtility.UrlDecode((string)cookie.Attribute("pagingcookie")!));
            Assert.Equal(page.ToString(CultureInfo.InvariantCulture), (string?)XElement.Parse(inner).Attribute("page"));
            fetch.SetAttributeValue("paging-cookie", inner);
        }

        Assert.True(expected.Count > 14, "Three pages at least, or the test proves little.");
        Assert.Equal(expected, seen);
    }

    // page-results: the cookie carries the last row of the page, so a row inserted before it between two requests
    // neither repeats that row on the next page nor hides one; paging by position alone would do both.
    [Fact]
    public async Task Page_results_the_paging_cookie_continues_after_the_last_row_even_when_rows_are_inserted_before_it()
    {
        var fetch = XElement.Parse("""
            <fetch count="5" page="1"><entity name="product"><attribute name="msdyn_productnumber"/><order attribute="msdyn_productnumber"/></entity></fetch>
            """);
        var expected = Column("SELECT productid FROM product ORDER BY msdyn_productnumber COLLATE NOCASE, productid LIMIT 10");
        var first = await Fetch("products", fetch.ToString(), ("Prefer", PagingAnnotations));
        var cookie = XElement.Parse(first.GetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").GetString()!);

        var inserted = Guid.NewGuid().ToString().ToUpperInvariant();
        Execute($"INSERT INTO product ({ProductColumns()}) SELECT {ProductColumns().Replace("\"productid\"", $"'{inserted}'", StringComparison.Ordinal).Replace("\"msdyn_productnumber\"", "'0000-EMU'", StringComparison.Ordinal)} FROM product LIMIT 1");
        try
        {
            fetch.SetAttributeValue("page", 2);
            var byPosition = await Fetch("products", fetch.ToString());
            fetch.SetAttributeValue("paging-cookie", HttpUtility.UrlDecode(HttpUtility.UrlDecode((string)cookie.Attribute("pagingcookie")!)));
            var byCookie = await Fetch("products", fetch.ToString());

            Assert.Equal(expected[..5], first.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("productid").GetString()!));
            Assert.Equal(expected[5..], byCookie.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("productid").GetString()!));
            Assert.Equal(expected[4], byPosition.GetProperty("value")[0].GetProperty("productid").GetString());
        }
        finally
        {
            Execute($"DELETE FROM product WHERE productid = '{inserted}'");
        }
    }

    // page-results: simple paging (count and page, no cookie) reaches the same rows as the cookie does.
    [Fact]
    public async Task Page_results_simple_paging_by_page_number_returns_the_requested_page()
    {
        var expected = Column("SELECT productid FROM product ORDER BY msdyn_productnumber COLLATE NOCASE, productid LIMIT 10 OFFSET 20");
        var body = await Fetch("products", """
            <fetch count="10" page="3"><entity name="product"><attribute name="msdyn_productnumber"/><order attribute="msdyn_productnumber"/></entity></fetch>
            """, ("Prefer", PagingAnnotations));

        Assert.Equal(expected, body.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("productid").GetString()!));
        Assert.True(body.GetProperty("@Microsoft.Dynamics.CRM.morerecords").GetBoolean());
        Assert.Contains("pagenumber=\"4\"", body.GetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").GetString(), StringComparison.Ordinal);
    }

    // page-results: a link to many rows repeats the parent, so no paging cookie comes back; paging stays by page number.
    [Fact]
    public async Task Page_results_a_one_to_many_link_returns_one_row_per_match_and_no_paging_cookie()
    {
        var order = emulator.Scalar("SELECT salesorderid FROM salesorder o WHERE (SELECT COUNT(*) FROM salesorderdetail d WHERE d.salesorderid = o.salesorderid) > 3 LIMIT 1");
        var lines = int.Parse(emulator.Scalar($"SELECT COUNT(*) FROM salesorderdetail WHERE salesorderid = '{order.ToUpperInvariant()}'"), CultureInfo.InvariantCulture);
        var body = await Fetch("salesorders", $"""
            <fetch count="2"><entity name="salesorder"><attribute name="name"/>
              <filter><condition attribute="salesorderid" operator="eq" value="{order}"/></filter>
              <link-entity name="salesorderdetail" from="salesorderid" to="salesorderid" alias="line"><attribute name="quantity"/></link-entity>
            </entity></fetch>
            """, ("Prefer", "odata.include-annotations=\"*\""));
        var all = await Fetch("salesorders", $"""
            <fetch><entity name="salesorder"><attribute name="name"/>
              <filter><condition attribute="salesorderid" operator="eq" value="{order}"/></filter>
              <link-entity name="salesorderdetail" from="salesorderid" to="salesorderid" alias="line"><attribute name="quantity"/></link-entity>
            </entity></fetch>
            """);

        Assert.Equal(2, body.GetProperty("value").GetArrayLength());
        Assert.True(body.GetProperty("@Microsoft.Dynamics.CRM.morerecords").GetBoolean());
        Assert.False(body.TryGetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie", out _));
        Assert.Equal(lines, all.GetProperty("value").GetArrayLength());
        Assert.All(all.GetProperty("value").EnumerateArray(), r => Assert.Equal(order, r.GetProperty("salesorderid").GetString()));
    }

    // count-rows, Web API tab: returntotalrecordcount gives @odata.count and, when asked, the two annotations.
    [Fact]
    public async Task Count_rows_returntotalrecordcount_gives_the_total_beside_one_page()
    {
        var total = int.Parse(emulator.Scalar("SELECT COUNT(*) FROM salesorder WHERE statecode = 0"), CultureInfo.InvariantCulture);
        var body = await Fetch("salesorders", """
            <fetch count="5" page="1" returntotalrecordcount="true"><entity name="salesorder"><attribute name="name"/>
              <filter><condition attribute="statecode" operator="eq" value="0"/></filter></entity></fetch>
            """, ("Prefer", "odata.include-annotations=\"*\""));
        var lines = await Fetch("salesorderdetails", """<fetch count="1" returntotalrecordcount="true"><entity name="salesorderdetail"><attribute name="quantity"/></entity></fetch>""",
            ("Prefer", "odata.include-annotations=\"*\""));

        Assert.Equal(5, body.GetProperty("value").GetArrayLength());
        Assert.Equal(total, body.GetProperty("@odata.count").GetInt32());
        Assert.Equal(total, body.GetProperty("@Microsoft.Dynamics.CRM.totalrecordcount").GetInt32());
        Assert.False(body.GetProperty("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded").GetBoolean());
        Assert.Equal(5000, lines.GetProperty("@Microsoft.Dynamics.CRM.totalrecordcount").GetInt32());
        Assert.True(lines.GetProperty("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded").GetBoolean());
    }

    // Valid FetchXML the emulator does not run: 501 "not emulated", never rows.
    [Theory]
    [InlineData("""<fetch aggregate="true"><entity name="salesorder"><attribute name="totalamount" aggregate="sum" alias="total"/></entity></fetch>""")]
    [InlineData("""<fetch distinct="true"><entity name="salesorder"><attribute name="name"/></entity></fetch>""")]
    [InlineData("""<fetch><entity name="salesorder"><filter><condition attribute="createdon" operator="last-x-days" value="7"/></filter></entity></fetch>""")]
    [InlineData("""<fetch><entity name="salesorder"><filter><condition attribute="totalamount" operator="between"><value>1</value><value>2</value></condition></filter></entity></fetch>""")]
    [InlineData("""<fetch><entity name="salesorder"><filter><condition entityname="c" attribute="fullname" operator="eq" value="x"/></filter></entity></fetch>""")]
    [InlineData("""<fetch><entity name="salesorder"><link-entity name="contact" from="contactid" to="msdyn_contactperson"><link-entity name="account" from="accountid" to="parentcustomerid"/></link-entity></entity></fetch>""")]
    [InlineData("""<fetch><entity name="salesorder"><link-entity name="contact" from="contactid" to="msdyn_contactperson" link-type="exists"/></entity></fetch>""")]
    public async Task Valid_but_not_emulated_fetchxml_answers_501_not_emulated(string fetch)
    {
        await AssertError("salesorders?fetchXml=" + Uri.EscapeDataString(fetch), HttpStatusCode.NotImplemented, "0x80060888", "not emulated");
    }

    [Theory]
    [InlineData("""<fetch><entity name="salesorder"><attribute name="nosuchcolumn"/></entity></fetch>""", "0x80041103")]
    [InlineData("""<fetch><entity name="salesorder"><filter><condition attribute="nosuchcolumn" operator="eq" value="1"/></filter></entity></fetch>""", "0x80041103")]
    [InlineData("""<fetch><entity name="nosuchtable"><attribute name="name"/></entity></fetch>""", "0x80041102")]
    [InlineData("""<fetch><entity name="contact"><attribute name="fullname"/></entity></fetch>""", "0x80060888")]
    [InlineData("""<fetch><entity name="salesorder"><filter><condition attribute="name" operator="bogus" value="1"/></filter></entity></fetch>""", "0x80040203")]
    [InlineData("""<fetch><entity name="salesorder"><filter><condition attribute="totalamount" operator="gt" value="lots"/></filter></entity></fetch>""", "0x80040203")]
    [InlineData("""<fetch top="3" page="2"><entity name="salesorder"/></fetch>""", "0x80040203")]
    [InlineData("""<fetch><entity name="salesorder"><attribute name="name"></entity></fetch>""", "0x80040203")]
    public async Task Invalid_fetchxml_answers_400_with_a_Dataverse_shaped_error(string fetch, string code)
    {
        await AssertError("salesorders?fetchXml=" + Uri.EscapeDataString(fetch), HttpStatusCode.BadRequest, code, null);
    }

    [Theory]
    [InlineData("savedQuery=00000000-0000-0000-0000-000000000001")]
    [InlineData("userQuery=00000000-0000-0000-0000-000000000001")]
    public async Task Saved_and_user_queries_answer_501_not_emulated(string query)
    {
        await AssertError("salesorders?" + query, HttpStatusCode.NotImplemented, "0x80060888", "not emulated");
    }

    // A fetch on a record or on /$count would otherwise be ignored and answer data the client did not ask for.
    [Fact]
    public async Task Fetchxml_outside_a_collection_GET_answers_501_rather_than_being_ignored()
    {
        var id = emulator.Scalar("SELECT salesorderid FROM salesorder LIMIT 1");
        var fetch = Uri.EscapeDataString("""<fetch><entity name="salesorder"><attribute name="name"/></entity></fetch>""");

        await AssertError($"salesorders({id})?fetchXml={fetch}", HttpStatusCode.NotImplemented, "0x80060888", "not emulated");
        await AssertError($"salesorders/$count?fetchXml={fetch}", HttpStatusCode.NotImplemented, "0x80060888", "not emulated");
    }

    private async Task AssertError(string relative, HttpStatusCode status, string code, string? text)
    {
        using var response = await emulator.Send(HttpMethod.Get, relative);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(["error"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(text ?? "", body.GetProperty("error").GetProperty("message").GetString()!, StringComparison.Ordinal);
    }

    private async Task<JsonElement> Fetch(string set, string fetch, params (string Name, string Value)[] headers) =>
        await emulator.GetJson($"{set}?fetchXml={Uri.EscapeDataString(fetch)}", headers);

    private string ProductColumns() => string.Join(", ", Column("SELECT name FROM pragma_table_info('product')").Select(c => "\"" + c + "\""));

    private void Execute(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + emulator.MirrorPath + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // One column of a query on the mirror, lower-cased as the emulator writes GUIDs.
    private List<string> Column(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + emulator.MirrorPath + ";Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!.ToLowerInvariant());
        }

        return values;
    }
}
