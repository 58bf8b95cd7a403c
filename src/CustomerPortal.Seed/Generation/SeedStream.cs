namespace CustomerPortal.Seed.Generation;

// Every id and every random draw belongs to one stream, so two streams never share numbers and
// changing how one table is generated leaves the rows of every other table as they were.
// The numbers are part of the output: changing one changes the data every profile produces.
internal enum SeedStream
{
    CompanyId = 1,
    CurrencyId = 2,
    UnitId = 3,
    PriceListId = 4,
    PriceListItemId = 5,
    ProductId = 6,
    AccountId = 7,
    ContactId = 8,
    SalesOrderId = 9,
    SalesOrderLineId = 10,
    PortalUserId = 11,
    DeliveryModeId = 12,
    InvoiceId = 13,
    InvoiceLineId = 14,

    ProductDraws = 101,
    PriceListCoverageDraws = 102,
    AccountDraws = 103,
    ContactAssignmentDraws = 104,
    ContactDraws = 105,
    SalesOrderDraws = 106,
    WriteInLineDraws = 107,
    // Delivery columns (mode, confirmed dates, delivered/backordered/cancelled quantities, tax, freight):
    // drawn apart so every value drawn before them stays as it was.
    DeliveryDraws = 108,
    // Invoices (split, dates) are drawn apart too: seeding them changes no order value.
    InvoiceDraws = 109,
}
