using CustomerPortal.Data.Sqlite.Mirror;

namespace CustomerPortal.Seed.Generation;

internal sealed record SeedProduct(ProductRow Row, SeedUnit Unit);
