using CustomerPortal.Core.Ordering;
using CustomerPortal.PortalStore.Drafts;

namespace CustomerPortal.Web.Ordering;

// A draft line as the items and review steps show it: priced again from the data source every time,
// so what the customer reviews is what the submit will write. Refusal says why the line cannot be
// ordered, with the submit's own check; Amount is null then.
public sealed record DraftLinePrice(
    OrderDraftLine Line,
    OrderableProduct? Product,
    decimal? Amount,
    SubmitRefusal? Refusal)
{
    public bool IsOrderable => Refusal is null;

    public static IReadOnlyList<DraftLinePrice> For(IEnumerable<OrderDraftLine> lines, IReadOnlyList<OrderableProduct> products)
    {
        var byId = products.ToDictionary(p => p.ProductId);
        return
        [
            .. lines.Select(line =>
            {
                var product = byId.GetValueOrDefault(line.ProductId);
                var refusal = OrderingRules.CheckLine(product, line.Quantity);
                var amount = refusal is null ? OrderingRules.LineAmount(line.Quantity, product!.UnitPrice!.Value, product.Currency!) : (decimal?)null;
                return new DraftLinePrice(line, product, amount, refusal);
            }),
        ];
    }

    public static decimal Total(IEnumerable<DraftLinePrice> lines) => lines.Sum(l => l.Amount ?? 0m);
}
