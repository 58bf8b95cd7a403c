namespace CustomerPortal.Core.Products;

// A sellable product with its estimated price in the contact's price list (null when the
// product is not on that list). Prices are estimates: the seller's Supply Chain Management confirms them.
public sealed record CatalogProduct(
    Guid ProductId,
    string ItemNumber,
    string Name,
    string? Description,
    string Unit,
    int QuantityDecimals,
    decimal? Price,
    Currency? Currency);
