using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

internal sealed record SeedUnit(UnitRow Row, int QuantityDecimals);
