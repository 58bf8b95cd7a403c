namespace CustomerPortal.Seed.Generation;

// A uom row to be. Decimals is how many decimals a quantity in this unit may have (product.quantitydecimal).
internal sealed record UnitTemplate(string Symbol, string Name, int Decimals);
