using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

internal sealed record SeedProduct(ProductRow Row, SeedUnit Unit);
