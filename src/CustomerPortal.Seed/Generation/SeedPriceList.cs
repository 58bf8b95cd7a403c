using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

internal sealed record SeedPriceList(PriceListRow Row, CurrencyRow Currency, IReadOnlyList<SellableProduct> Products);
