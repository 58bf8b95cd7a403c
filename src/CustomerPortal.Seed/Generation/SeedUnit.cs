using CustomerPortal.Data.Sqlite.Mirror;

namespace CustomerPortal.Seed.Generation;

internal sealed record SeedUnit(UnitRow Row, int QuantityDecimals);
