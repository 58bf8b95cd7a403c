using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CustomerPortal.Data.Dataverse;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Tests.Dataverse;

// Typed rows: a column the server did not return fails loudly, naming the table and the column,
// instead of turning into a 0 or an empty string on a customer's page.
public sealed class DataverseRowsTests
{
    [Fact]
    public void AMissingColumnNamesTheTableAndTheColumn()
    {
        var complete = JsonDocument.Parse(DataverseRows.Write(new UnitRow { UnitId = Guid.NewGuid(), Name = "Each", Symbol = "ea" })).RootElement;
        var json = complete.EnumerateObject().Where(p => p.Name != "msdyn_symbol").ToDictionary(p => p.Name, p => p.Value);
        var row = JsonSerializer.SerializeToElement(json);

        var error = Assert.Throws<DataverseSchemaException>(() => DataverseRows.Read<UnitRow>(row));

        Assert.Equal("Dataverse returned a uom row without the column msdyn_symbol.", error.Message);
    }

    [Fact]
    public void AMissingColumnOfAnExpandedLookupIsNamedToo()
    {
        var order = new SalesOrderRow { Currency = new CurrencyRow { IsoCode = "EUR" } };
        var json = DataverseRows.Write(order).Replace("\"currencyprecision\":0,", "", StringComparison.Ordinal);

        var error = Assert.Throws<DataverseSchemaException>(() => DataverseRows.Read<SalesOrderRow>(JsonDocument.Parse(json).RootElement));

        Assert.Equal("Dataverse returned a transactioncurrency row without the column currencyprecision.", error.Message);
    }

    [Fact]
    public void LookupsAreReadFromTheirValuePropertyAndExpansionsFromTheirNavigationProperty()
    {
        var accountId = Guid.NewGuid();
        var json = DataverseRows.Write(new SalesOrderRow { CustomerId = accountId, Customer = new AccountRow { AccountId = accountId, Name = "Contoso" } });

        var read = DataverseRows.Read<SalesOrderRow>(JsonDocument.Parse(json).RootElement);

        Assert.Contains($"\"_customerid_value\":\"{accountId}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"customerid_account\":{", json, StringComparison.Ordinal);
        Assert.DoesNotContain("customeridtype", json, StringComparison.Ordinal);
        Assert.Equal((accountId, "Contoso"), (read.CustomerId, read.Customer!.Name));
    }

    // Which row's contract System.Text.Json builds first must not change how an order is written. With generated
    // fast-path writers, an invoice (or order line, or invoice line) built first made the order's list of them
    // written with C# names: a test that wrote an order for a stub Web API failed when another test class had read
    // an invoice first.
    [Theory]
    [InlineData(typeof(InvoiceRow))]
    [InlineData(typeof(SalesOrderLineRow))]
    [InlineData(typeof(InvoiceLineRow))]
    public void AnOrderIsWrittenWithSchemaNamesWhicheverRowWasBuiltFirst(Type builtFirst)
    {
        var options = DataverseRows.NewOptions();
        options.MakeReadOnly();
        options.GetTypeInfo(builtFirst);
        var invoice = new InvoiceRow();
        invoice.Lines.Add(new InvoiceLineRow());
        var order = new SalesOrderRow();
        order.Lines.Add(new SalesOrderLineRow());
        order.Invoices.Add(invoice);

        var json = JsonSerializer.Serialize(order, (JsonTypeInfo<SalesOrderRow>)options.GetTypeInfo(typeof(SalesOrderRow)));

        Assert.Contains("\"salesorderdetailid\"", json, StringComparison.Ordinal);
        Assert.Contains("\"invoiceid\"", json, StringComparison.Ordinal);
        Assert.Contains("\"invoicedetailid\"", json, StringComparison.Ordinal);
    }
}
