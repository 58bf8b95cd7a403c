namespace CustomerPortal.Seed.Generation;

// One kind of product a category sells, e.g. "OLED TV" in 55", 65" and 77", priced per each.
// Prices are US dollar list prices; a product's price is drawn log-uniformly between the two.
internal sealed record ProductLine(string Noun, string UnitSymbol, double MinPrice, double MaxPrice, IReadOnlyList<string> Variants, bool ComesInColours = false);
