namespace CustomerPortal.Seed;

// What a seed wrote: rows per mirror table (by Dataverse table name), portal users, and how long it took.
public sealed record SeedSummary(
    int Companies,
    int Currencies,
    int Units,
    int PriceLists,
    int PriceListItems,
    int Products,
    int Accounts,
    int Contacts,
    int SalesOrders,
    int SalesOrderLines,
    int PortalUsers,
    TimeSpan Elapsed)
{
    public int DeliveryModes { get; init; }

    public int Invoices { get; init; }

    public int InvoiceLines { get; init; }

    public int MirrorRows => RowsPerTable.Sum(table => table.Value);

    public IReadOnlyList<KeyValuePair<string, int>> RowsPerTable =>
    [
        new("cdm_company", Companies),
        new("msdyn_shipvia", DeliveryModes),
        new("transactioncurrency", Currencies),
        new("uom", Units),
        new("pricelevel", PriceLists),
        new("productpricelevel", PriceListItems),
        new("product", Products),
        new("account", Accounts),
        new("contact", Contacts),
        new("salesorder", SalesOrders),
        new("salesorderdetail", SalesOrderLines),
        new("invoice", Invoices),
        new("invoicedetail", InvoiceLines),
    ];
}
