using System.Net;
using System.Xml.Linq;
using CustomerPortal.DualWrite;

namespace CustomerPortal.DataverseEmulator.Tests;

// GET $metadata against the shape Microsoft documents for Dataverse's CSDL document:
// https://learn.microsoft.com/power-apps/developer/data-platform/webapi/web-api-service-documents#csdl-metadata-document
// (namespace and alias), …/web-api-entitytypes (keys, crmbaseentity, alternate keys), …/web-api-navigation-properties
// (lookup properties, ReferentialConstraint, collection-valued partners).
public sealed class MetadataTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly XNamespace Edmx = "http://docs.oasis-open.org/odata/ns/edmx";
    private static readonly XNamespace Edm = "http://docs.oasis-open.org/odata/ns/edm";

    [Fact]
    public async Task Metadata_is_an_xml_csdl_document_in_the_Microsoft_Dynamics_CRM_namespace_with_alias_mscrm()
    {
        using var response = await emulator.Send(HttpMethod.Get, "$metadata");
        var schema = await Schema(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Microsoft.Dynamics.CRM", (string?)schema.Attribute("Namespace"));
        Assert.Equal("mscrm", (string?)schema.Attribute("Alias"));
        Assert.Equal("true", (string?)EntityType(schema, "crmbaseentity").Attribute("Abstract"));
    }

    [Fact]
    public async Task Metadata_needs_a_token_like_every_Web_API_resource()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, emulator.Api + "$metadata");
        using var response = await emulator.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Every_entity_set_of_the_service_document_is_in_the_container_with_its_entity_type_and_key()
    {
        var schema = await Schema();
        var service = await emulator.GetJson("");
        var container = schema.Element(Edm + "EntityContainer")!;

        Assert.Equal("System", (string?)container.Attribute("Name"));
        foreach (var entry in service.GetProperty("value").EnumerateArray())
        {
            var set = entry.GetProperty("url").GetString()!;
            var table = DualWriteSchema.FindByEntitySet(set)!;
            var declared = container.Elements(Edm + "EntitySet").Single(e => (string?)e.Attribute("Name") == set);
            Assert.Equal("mscrm." + table.LogicalName, (string?)declared.Attribute("EntityType"));
            var type = EntityType(schema, table.LogicalName);
            Assert.Equal("mscrm.crmbaseentity", (string?)type.Attribute("BaseType"));
            Assert.Equal(table.PrimaryKey.LogicalName, (string?)type.Element(Edm + "Key")!.Element(Edm + "PropertyRef")!.Attribute("Name"));
        }

        Assert.Equal(service.GetProperty("value").GetArrayLength(), container.Elements(Edm + "EntitySet").Count());
    }

    // The Edm types match what the emulator writes: money and quantities as decimals, dates without time as
    // Edm.Date, choices as Edm.Int32, yes/no as Edm.Boolean, lookups as an Edm.Guid _x_value property.
    [Theory]
    [InlineData("salesorder", "totalamount", "Edm.Decimal")]
    [InlineData("salesorder", "createdon", "Edm.DateTimeOffset")]
    [InlineData("salesorder", "msdyn_requestedreceiptdate", "Edm.Date")]
    [InlineData("salesorder", "msdyn_processingstatus", "Edm.Int32")]
    [InlineData("salesorder", "msdyn_isreadytosync", "Edm.Boolean")]
    [InlineData("salesorder", "msdyn_salesordernumber", "Edm.String")]
    [InlineData("salesorder", "_customerid_value", "Edm.Guid")]
    [InlineData("salesorderdetail", "quantity", "Edm.Decimal")]
    [InlineData("product", "quantitydecimal", "Edm.Int32")]
    public async Task Columns_are_declared_with_the_Edm_type_the_emulator_serializes(string entity, string property, string edmType)
    {
        var type = EntityType(await Schema(), entity);

        Assert.Equal(edmType, (string?)Property(type, property).Attribute("Type"));
        Assert.DoesNotContain(type.Elements(Edm + "Property"), p => (string?)p.Attribute("Name") == "customeridtype");
    }

    [Fact]
    public async Task A_lookup_is_a_single_valued_navigation_property_constrained_by_its_lookup_property()
    {
        var salesOrder = EntityType(await Schema(), "salesorder");
        var customer = salesOrder.Elements(Edm + "NavigationProperty").Single(n => (string?)n.Attribute("Name") == "customerid_account");
        var constraint = customer.Element(Edm + "ReferentialConstraint")!;

        Assert.Equal("mscrm.account", (string?)customer.Attribute("Type"));
        Assert.Equal("_customerid_value", (string?)constraint.Attribute("Property"));
        Assert.Equal("accountid", (string?)constraint.Attribute("ReferencedProperty"));
    }

    [Fact]
    public async Task Order_lines_are_a_collection_valued_navigation_property_partnered_with_the_lines_lookup()
    {
        var schema = await Schema();
        var lines = EntityType(schema, "salesorder").Elements(Edm + "NavigationProperty").Single(n => (string?)n.Attribute("Name") == "order_details");
        var back = EntityType(schema, "salesorderdetail").Elements(Edm + "NavigationProperty").Single(n => (string?)n.Attribute("Name") == "salesorderid");

        Assert.Equal("Collection(mscrm.salesorderdetail)", (string?)lines.Attribute("Type"));
        Assert.Equal("salesorderid", (string?)lines.Attribute("Partner"));
        Assert.Equal("order_details", (string?)back.Attribute("Partner"));
    }

    [Theory]
    [InlineData("product", "msdyn_productnumber")]
    [InlineData("cdm_company", "cdm_companycode")]
    [InlineData("transactioncurrency", "isocurrencycode")]
    [InlineData("uom", "msdyn_symbol")]
    public async Task Alternate_keys_are_annotated_as_Dataverse_does(string entity, string key)
    {
        var annotation = EntityType(await Schema(), entity).Elements(Edm + "Annotation").Single();
        var names = annotation.Descendants(Edm + "PropertyValue").Where(v => (string?)v.Attribute("Property") == "Name").Select(v => (string?)v.Attribute("PropertyPath"));

        Assert.Equal("OData.Community.Keys.V1.AlternateKeys", (string?)annotation.Attribute("Term"));
        Assert.Equal([key], names);
    }

    [Fact]
    public async Task WhoAmI_is_an_unbound_function_returning_WhoAmIResponse()
    {
        var schema = await Schema();
        var function = schema.Elements(Edm + "Function").Single(f => (string?)f.Attribute("Name") == "WhoAmI");
        var response = schema.Elements(Edm + "ComplexType").Single(c => (string?)c.Attribute("Name") == "WhoAmIResponse");

        Assert.Equal("mscrm.WhoAmIResponse", (string?)function.Element(Edm + "ReturnType")!.Attribute("Type"));
        Assert.Equal(["BusinessUnitId", "UserId", "OrganizationId"], response.Elements(Edm + "Property").Select(p => (string?)p.Attribute("Name")));
        Assert.Contains(schema.Element(Edm + "EntityContainer")!.Elements(Edm + "FunctionImport"), f => (string?)f.Attribute("Function") == "mscrm.WhoAmI");
    }

    private async Task<XElement> Schema()
    {
        using var response = await emulator.Send(HttpMethod.Get, "$metadata");
        return await Schema(response);
    }

    private static async Task<XElement> Schema(HttpResponseMessage response)
    {
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.Root!.Element(Edmx + "DataServices")!.Element(Edm + "Schema")!;
    }

    private static XElement EntityType(XElement schema, string name) =>
        schema.Elements(Edm + "EntityType").Single(e => (string?)e.Attribute("Name") == name);

    private static XElement Property(XElement type, string name) =>
        type.Elements(Edm + "Property").Single(e => (string?)e.Attribute("Name") == name);
}
