using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// Everything that is not a customer or an order: legal entities, currencies, units, the product
// catalogue and its price lists. Small enough to keep in memory while orders are generated.
internal sealed record ReferenceData(
    IReadOnlyList<SeedCompany> Companies,
    IReadOnlyList<CurrencyRow> Currencies,
    IReadOnlyList<SeedUnit> Units,
    IReadOnlyList<SeedPriceList> PriceLists,
    IReadOnlyList<SeedProduct> Products,
    IReadOnlyList<PriceListItemRow> PriceListItems);
