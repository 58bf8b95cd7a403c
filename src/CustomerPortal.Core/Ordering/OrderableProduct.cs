using CustomerPortal.Core.Products;

namespace CustomerPortal.Core.Ordering;

// A product as the order flow sees it: its unit and decimals, the estimated price on the contact's
// price list, and why it cannot be ordered when it cannot. Prices are estimates confirmed by the seller.
public sealed record OrderableProduct(
    Guid ProductId,
    string ItemNumber,
    string Name,
    ProductState State,
    string Unit,
    int QuantityDecimals,
    decimal? UnitPrice,
    Currency? Currency,
    ProductRefusal? Refusal)
{
    public bool IsOrderable => Refusal is null && UnitPrice is not null && Currency is not null;
}
