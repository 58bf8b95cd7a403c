using System.Globalization;
using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Ordering;

// The order flow's steps open a draft alike: only the signed-in user's own draft for their account (any
// other id answers 404, so drafts cannot be probed), the order itself once the draft was submitted, and
// the contact's ordering defaults beside it.
public abstract class OrderDraftPageModel : PageModel
{
    public OrderDraft Draft { get; private set; } = default!;

    public OrderingDefaults Defaults { get; protected set; } = default!;

    protected CustomerScope Scope { get; private set; } = default!;

    public IReadOnlyList<DraftLinePrice> Lines { get; private set; } = [];

    public decimal Total { get; private set; }

    // Null when the draft is loaded; otherwise the answer to give instead.
    protected async Task<IActionResult?> LoadDraftAsync(
        OrderDraftStore drafts, IOrderEntry ordering, CustomerScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(ordering);
        ArgumentNullException.ThrowIfNull(scope);
        var draft = await drafts.FindAsync(User.UserId(), scope.AccountId, id, cancellationToken);
        if (draft is null)
        {
            return NotFound();
        }

        if (draft.SubmittedOrderNumber is { } number)
        {
            return RedirectToPage("/Orders/Details", new { number });
        }

        (Scope, Draft) = (scope, draft);
        Defaults = await ordering.GetDefaultsAsync(scope, cancellationToken);
        return null;
    }

    // The items and review steps show the draft's lines priced again (see DraftLinePrice).
    protected async Task PriceLinesAsync(IOrderEntry ordering, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ordering);
        var products = Draft.Lines.Count == 0
            ? []
            : await ordering.LookUpAsync(Scope, [], [.. Draft.Lines.Select(l => l.ProductId)], cancellationToken);
        Lines = DraftLinePrice.For(Draft.Lines, products);
        Total = DraftLinePrice.Total(Lines);
    }

    // Quick entry's and the upload's lines resolved alike: each line the draft can take is added to it (merged
    // with a line of the same product) in memory, and the others say why not. The caller decides whether to save.
    protected async Task<IReadOnlyList<QuickEntryLine>> AddLinesAsync(
        IOrderEntry ordering, OrderDraftStore drafts, IReadOnlyList<QuickEntryLine> parsed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ordering);
        ArgumentNullException.ThrowIfNull(parsed);
        var products = await ordering.LookUpAsync(
            Scope, [.. parsed.Where(l => l.ItemNumber is not null).Select(l => l.ItemNumber!).Distinct(StringComparer.OrdinalIgnoreCase)], [], cancellationToken);
        var report = new List<QuickEntryLine>();
        foreach (var line in parsed)
        {
            var product = line.ItemNumber is null ? null
                : products.FirstOrDefault(p => string.Equals(p.ItemNumber, line.ItemNumber, StringComparison.OrdinalIgnoreCase));
            var merged = line.Quantity is not { } posted ? null
                : (decimal?)OrderingRules.Merge(product is null ? 0 : Draft.Lines.FirstOrDefault(l => l.ProductId == product.ProductId)?.Quantity ?? 0, posted);
            var problem = line.Problem
                ?? (product is null ? QuickEntryProblem.UnknownItem
                    : OrderingRules.CheckLine(product, merged!.Value)?.Reason switch
                    {
                        SubmitRefusalReason.InvalidQuantity => QuickEntryProblem.InvalidQuantity,
                        not null => QuickEntryProblem.NotOrderable,
                        null when Draft.Lines.Count >= OrderingRules.MaxLines && Draft.Lines.All(l => l.ProductId != product.ProductId) => QuickEntryProblem.TooManyLines,
                        null => (QuickEntryProblem?)null,
                    });
            if (problem is null)
            {
                AddOrMerge(drafts, product!, line.Quantity!.Value);
            }

            report.Add(line with { Problem = problem });
        }

        return report;
    }

    protected void AddOrMerge(OrderDraftStore drafts, OrderableProduct product, decimal quantity)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(product);
        drafts.AddOrMerge(Draft, product.ProductId, product.ItemNumber, product.Name, quantity);
    }

    // Estimated amounts in the price list's currency; a plain number while the contact has none.
    public string Money(decimal amount) =>
        Defaults.Currency is { } currency ? MoneyFormatter.Format(amount, currency) : amount.ToString("N2", CultureInfo.CurrentCulture);
}
