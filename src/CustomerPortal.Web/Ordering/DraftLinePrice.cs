using CustomerPortal.Core;
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
                var (amount, refusal) = Price(product, line.Quantity);
                return new DraftLinePrice(line, product, amount, refusal);
            }),
        ];
    }

    // The header's estimate of a draft it reads as product and quantity only: the same prices as the draft
    // pages, in the currency of its first orderable line (null when none is orderable).
    public static (decimal Total, Currency? Currency) Estimate(IEnumerable<(Guid ProductId, decimal Quantity)> lines, IReadOnlyList<OrderableProduct> products)
    {
        var byId = products.ToDictionary(p => p.ProductId);
        var orderable = (
            from line in lines
            let product = byId.GetValueOrDefault(line.ProductId)
            let amount = Price(product, line.Quantity).Amount
            where amount is not null
            select (product!.Currency, Amount: amount.Value)).ToList();
        return (orderable.Sum(line => line.Amount), orderable.FirstOrDefault().Currency);
    }

    public static decimal Total(IEnumerable<DraftLinePrice> lines) => lines.Sum(l => l.Amount ?? 0m);

    // The submit's own check, and the amount only for a line that passes it.
    private static (decimal? Amount, SubmitRefusal? Refusal) Price(OrderableProduct? product, decimal quantity)
    {
        var refusal = OrderingRules.CheckLine(product, quantity);
        return (refusal is null ? OrderingRules.LineAmount(quantity, product!.UnitPrice!.Value, product.Currency!) : null, refusal);
    }
}
