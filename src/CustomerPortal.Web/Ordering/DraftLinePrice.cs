using CustomerPortal.Core.Ordering;
using CustomerPortal.PortalStore.Drafts;

namespace CustomerPortal.Web.Ordering;

// A draft line as the items and review steps show it: priced again from the data source every time,
// so what the customer reviews is what the submit will write. Amount is null when the line cannot be ordered.
public sealed record DraftLinePrice(
    OrderDraftLine Line,
    OrderableProduct? Product,
    decimal? Amount,
    QuantityProblem? QuantityProblem)
{
    public bool IsOrderable => Product is { IsOrderable: true } && QuantityProblem is null;

    public static IReadOnlyList<DraftLinePrice> For(IEnumerable<OrderDraftLine> lines, IReadOnlyList<OrderableProduct> products)
    {
        var byId = products.ToDictionary(p => p.ProductId);
        return
        [
            .. lines.Select(line =>
            {
                var product = byId.GetValueOrDefault(line.ProductId);
                var problem = product is null ? null : OrderingRules.CheckQuantity(line.Quantity, product.QuantityDecimals);
                var amount = product is { IsOrderable: true } && problem is null
                    ? OrderingRules.LineAmount(line.Quantity, product.UnitPrice!.Value, product.Currency!)
                    : (decimal?)null;
                return new DraftLinePrice(line, product, amount, problem);
            }),
        ];
    }

    public static decimal Total(IEnumerable<DraftLinePrice> lines) => lines.Sum(l => l.Amount ?? 0m);
}
