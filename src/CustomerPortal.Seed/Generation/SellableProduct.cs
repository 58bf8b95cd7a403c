namespace CustomerPortal.Seed.Generation;

// An active product on a price list, with its price in the list's currency: what an order line may sell.
internal sealed record SellableProduct(SeedProduct Product, decimal Price);
