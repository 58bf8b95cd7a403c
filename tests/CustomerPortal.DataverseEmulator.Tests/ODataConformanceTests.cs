using System.Net;
using System.Text;
using System.Xml;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace CustomerPortal.DataverseEmulator.Tests;

// The emulator checked by code its authors did not write: Microsoft.OData.Edm's CSDL reader and validator read
// $metadata, and Microsoft.OData.Core's message reader reads the emulator's responses against that model. The
// reader refuses undeclared properties, values of the wrong type and malformed annotations, so a response that
// does not match the model fails here even when our own tests would accept it.
public sealed class ODataConformanceTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Metadata_parses_with_the_CSDL_reader_and_validates_without_errors()
    {
        var model = await Model();

        Assert.True(model.Validate(out var errors), string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
        var salesOrders = model.EntityContainer.FindEntitySet("salesorders");
        Assert.Equal("Microsoft.Dynamics.CRM.salesorder", salesOrders.EntityType.FullName());
        Assert.Equal("salesorderdetails", salesOrders.FindNavigationTarget(salesOrders.EntityType.FindProperty("order_details") as IEdmNavigationProperty).Name);
        Assert.NotNull(model.FindDeclaredOperations("Microsoft.Dynamics.CRM.WhoAmI").SingleOrDefault());
    }

    // Read through EdmLib's own accessor of the vocabulary term, not our XML.
    [Fact]
    public async Task Alternate_keys_read_through_the_vocabulary_as_the_keys_the_URLs_accept()
    {
        var model = await Model();
        var product = (IEdmEntityType)model.FindDeclaredType("Microsoft.Dynamics.CRM.product");

        var keys = model.GetAlternateKeysAnnotation(product).ToList();
        var key = Assert.Single(keys);
        Assert.Equal("msdyn_productnumber", Assert.Single(key).Value.Name);
        var number = emulator.Scalar("SELECT msdyn_productnumber FROM product ORDER BY msdyn_productnumber LIMIT 1").ToUpperInvariant();
        Assert.Equal(HttpStatusCode.OK, (await emulator.Send(HttpMethod.Get, $"products(msdyn_productnumber='{number}')?$select=name")).StatusCode);
    }

    [Fact]
    public async Task A_collection_GET_with_select_reads_as_a_resource_set_of_the_model()
    {
        var resources = await ReadSet("salesorders?$select=name,totalamount,createdon,msdyn_requestedreceiptdate,msdyn_processingstatus,_customerid_value&$top=5", "salesorders");

        Assert.Equal(5, resources.Count);
        Assert.All(resources, r => Assert.IsType<decimal>(Value(r, "totalamount")));
        Assert.All(resources, r => Assert.IsType<DateTimeOffset>(Value(r, "createdon")));
        Assert.All(resources, r => Assert.IsType<Guid>(Value(r, "_customerid_value")));
        Assert.All(resources, r => Assert.IsType<int>(Value(r, "msdyn_processingstatus")));
    }

    [Fact]
    public async Task Every_column_of_every_entity_set_reads_against_the_model()
    {
        foreach (var table in CustomerPortal.DualWrite.DualWriteSchema.Tables)
        {
            var resources = await ReadSet($"{table.EntitySetName}?$top=3", table.EntitySetName);
            Assert.NotEmpty(resources);
        }
    }

    [Fact]
    public async Task A_single_record_GET_reads_as_a_resource_of_the_model()
    {
        var id = emulator.Scalar("SELECT salesorderid FROM salesorder ORDER BY msdyn_salesordernumber LIMIT 1");
        var model = await Model();
        var message = await Response($"salesorders({id})");

        using var reader = new ODataMessageReader(message, Settings(), model);
        var resources = Resources(reader.CreateODataResourceReader(Set(model, "salesorders"), null));
        Assert.Equal(Guid.Parse(id), Value(resources.Single(), "salesorderid"));
    }

    [Fact]
    public async Task An_expanded_lookup_and_expanded_order_lines_read_as_nested_resources_of_the_model()
    {
        var resources = await ReadSet("salesorders?$select=name&$expand=customerid_account($select=name),order_details($select=quantity,priceperunit)&$top=2", "salesorders");

        // Two orders, each with its account and at least one line, all typed by the model.
        Assert.Contains(resources, r => r.TypeName == "Microsoft.Dynamics.CRM.account");
        Assert.Contains(resources, r => r.TypeName == "Microsoft.Dynamics.CRM.salesorderdetail" && Value(r, "quantity") is decimal);
        Assert.Equal(2, resources.Count(r => r.TypeName == "Microsoft.Dynamics.CRM.salesorder"));
    }

    [Fact]
    public async Task A_FetchXML_result_reads_as_a_resource_set_of_the_model()
    {
        const string fetch = "<fetch top='4'><entity name='salesorder'><attribute name='msdyn_salesordernumber'/><attribute name='totalamount'/>"
            + "<attribute name='customerid'/><order attribute='msdyn_salesordernumber'/></entity></fetch>";
        var resources = await ReadSet("salesorders?fetchXml=" + Uri.EscapeDataString(fetch), "salesorders");

        Assert.Equal(4, resources.Count);
        Assert.All(resources, r => Assert.IsType<decimal>(Value(r, "totalamount")));
        Assert.All(resources, r => Assert.IsType<Guid>(Value(r, "_customerid_value")));
    }

    [Theory]
    [InlineData("salesorders?$select=nosuchcolumn", "0x80060888")]
    [InlineData("salesorders?fetchXml=%3Cfetch%20aggregate%3D%27true%27%3E%3Centity%20name%3D%27salesorder%27%2F%3E%3C%2Ffetch%3E", "0x80060888")]
    [InlineData("salesorders?savedQuery=00000000-0000-0000-0000-000000000001", "0x80060888")]
    public async Task An_error_reads_as_an_OData_error(string relative, string code)
    {
        var message = await Response(relative);

        using var reader = new ODataMessageReader(message, Settings(), await Model());
        var error = reader.ReadError();
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    // The control: the same reader refuses a record carrying a column the model does not declare, so the tests
    // above would fail if the emulator wrote one.
    [Fact]
    public async Task The_reader_refuses_a_property_the_model_does_not_declare()
    {
        var message = await Response("salesorders?$select=name&$top=1");
        var body = Encoding.UTF8.GetString(message.Body).Replace("\"name\":", "\"notacolumn\":1,\"name\":", StringComparison.Ordinal);
        var tampered = new ResponseMessage(message.Headers, Encoding.UTF8.GetBytes(body));

        var model = await Model();
        using var reader = new ODataMessageReader(tampered, Settings(), model);
        Assert.Throws<ODataException>(() => Resources(reader.CreateODataResourceSetReader(Set(model, "salesorders"), null)));
    }

    private IEdmModel? _model;

    private async Task<IEdmModel> Model()
    {
        if (_model is null)
        {
            using var response = await emulator.Send(HttpMethod.Get, "$metadata");
            using var xml = XmlReader.Create(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
            Assert.True(CsdlReader.TryParse(xml, out _model, out var errors), string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
        }

        return _model!;
    }

    private async Task<List<ODataResource>> ReadSet(string relative, string set)
    {
        var model = await Model();
        var message = await Response(relative);
        using var reader = new ODataMessageReader(message, Settings(), model);
        return Resources(reader.CreateODataResourceSetReader(Set(model, set), null));
    }

    private async Task<ResponseMessage> Response(string relative)
    {
        using var response = await emulator.Send(HttpMethod.Get, relative);
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ResponseMessage(headers, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), (int)response.StatusCode);
    }

    private ODataMessageReaderSettings Settings() => new() { BaseUri = new Uri(emulator.Api) };

    private static IEdmEntitySet Set(IEdmModel model, string name) => model.EntityContainer.FindEntitySet(name);

    // Every resource the reader completes, nested ones included.
    private static List<ODataResource> Resources(ODataReader reader)
    {
        var resources = new List<ODataResource>();
        while (reader.Read())
        {
            if (reader.State == ODataReaderState.ResourceEnd && reader.Item is ODataResource resource)
            {
                resources.Add(resource);
            }
        }

        return resources;
    }

    private static object? Value(ODataResource resource, string name) =>
        resource.Properties.OfType<ODataProperty>().Single(p => p.Name == name).Value;

    private sealed class ResponseMessage(IReadOnlyDictionary<string, string> headers, byte[] body, int status = 200) : IODataResponseMessage
    {
        private readonly Dictionary<string, string> _headers = new(headers, StringComparer.OrdinalIgnoreCase);

        public IReadOnlyDictionary<string, string> Headers => _headers;

        public byte[] Body => body;

        IEnumerable<KeyValuePair<string, string>> IODataResponseMessage.Headers => _headers;

        public int StatusCode { get => status; set => throw new NotSupportedException(); }

        public string? GetHeader(string headerName) => _headers.GetValueOrDefault(headerName);

        public void SetHeader(string headerName, string headerValue) => _headers[headerName] = headerValue;

        public Stream GetStream() => new MemoryStream(body, writable: false);
    }
}
