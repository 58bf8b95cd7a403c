using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// A legal entity in use, with the currency its customers buy in and that currency's two price lists.
internal sealed record SeedCompany(
    LegalEntityTemplate Template,
    CompanyRow Row,
    CurrencyRow Currency,
    SeedPriceList StandardPrices,
    SeedPriceList KeyAccountPrices)
{
    // Its modes of delivery, in DeliveryModeCatalog order.
    public IReadOnlyList<ShipViaRow> DeliveryModes { get; init; } = [];
}
