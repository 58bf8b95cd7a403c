namespace CustomerPortal.Seed.Generation;

// An item-number series: the letter every item number of the category starts with, how large a share
// of the catalogue it is, what it sells, and selling points its descriptions are written from.
internal sealed record ProductCategory(char Letter, string Name, int Share, IReadOnlyList<ProductLine> Lines, IReadOnlyList<string> Features);
