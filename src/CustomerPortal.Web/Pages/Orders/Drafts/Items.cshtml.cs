using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Products;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Ordering;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Orders.Drafts;

// Step 2: the lines. Products are found by item number or name through a plain GET search (a
// typeahead when JavaScript runs), added one by one or pasted in bulk, and priced again on every view.
public sealed class ItemsModel(
    IOrderEntry ordering, IProductCatalog catalog, OrderDraftStore drafts, IStringLocalizer<SharedResource> localizer)
    : OrderDraftPageModel
{
    private const int SearchResults = 10;

    [BindProperty(SupportsGet = true)]
    [StringLength(ProductQuery.MaxSearchLength, ErrorMessage = "Validation.SearchTooLong")]
    public string? Search { get; set; }

    public ResultPage<CatalogProduct>? Results { get; private set; }

    public IReadOnlyList<QuickEntryLine>? QuickEntryReport { get; private set; }

    public string? QuickEntryText { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string[]? NotCopied { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CustomerScope scope, CancellationToken cancellationToken)
    {
        if (await LoadAsync(scope, id, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (Search is not null && ModelState.IsValid)
        {
            Results = await catalog.SearchAsync(scope, new ProductQuery(Search, SearchResults), cancellationToken);
        }

        return Page();
    }

    // The typeahead's data: what the no-JavaScript search shows, as JSON.
    // Like every step, it answers only for the user's own draft: another id is 404, whatever the term.
    public async Task<IActionResult> OnGetSuggestAsync(Guid id, string? term, CustomerScope scope, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(User.UserId(), scope.AccountId, id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(term) || term.Length > ProductQuery.MaxSearchLength)
        {
            return new JsonResult(Array.Empty<object>());
        }

        var page = await catalog.SearchAsync(scope, new ProductQuery(term, SearchResults), cancellationToken);
        return new JsonResult(page.Items.Select(p => new
        {
            itemNumber = p.ItemNumber,
            label = p.Price is { } price && p.Currency is { } currency
                ? $"{p.Name} · {p.Unit} · {MoneyFormatter.Format(price, currency)}"
                : $"{p.Name} · {localizer["Products.NotOnPriceList"]}",
        }));
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, AddInput add, CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(add);
        if (await LoadAsync(scope, id, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (ModelState.IsValid && Defaults.CanOrder)
        {
            var products = await ordering.LookUpAsync(Scope, [add.ItemNumber!], [], cancellationToken);
            var product = products.FirstOrDefault(p => string.Equals(p.ItemNumber, add.ItemNumber!.Trim(), StringComparison.OrdinalIgnoreCase));
            var existing = product is null ? null : Draft.Lines.FirstOrDefault(l => l.ProductId == product.ProductId);
            var quantity = OrderingRules.Merge(existing?.Quantity ?? 0, add.Quantity!.Value);
            var refusal = OrderingRules.CheckLine(product, quantity);
            if (product is null)
            {
                ModelState.AddModelError("add.ItemNumber", localizer["Ordering.UnknownItem", add.ItemNumber!.Trim()]);
            }
            else if (refusal is { Quantity: { } problem })
            {
                ModelState.AddModelError("add.Quantity", QuantityMessage(problem, product));
            }
            else if (refusal is not null)
            {
                ModelState.AddModelError("add.ItemNumber", localizer.Label(refusal));
            }
            else if (existing is null && Draft.Lines.Count >= OrderingRules.MaxLines)
            {
                ModelState.AddModelError("add.ItemNumber", localizer["Ordering.TooManyLines", OrderingRules.MaxLines]);
            }
            else
            {
                AddOrMerge(drafts, product, add.Quantity.Value);
                await drafts.SaveAsync(Draft, cancellationToken);
                StatusMessage = localizer["Ordering.Added", product.ItemNumber];
                return BackToItems(id, string.IsNullOrWhiteSpace(Search) ? "add-heading" : "search-results");
            }
        }

        await PriceLinesAsync(ordering, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, List<LineInput> lines, string? next, CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (await LoadAsync(scope, id, cancellationToken) is { } stop)
        {
            return stop;
        }

        await PriceLinesAsync(ordering, cancellationToken);
        for (var i = 0; i < lines.Count; i++)
        {
            var priced = Lines.FirstOrDefault(l => l.Line.SalesOrderLineId == lines[i].LineId);
            if (priced?.Product is { } product && lines[i].Quantity is { } quantity
                && OrderingRules.CheckQuantity(quantity, product.QuantityDecimals) is { } problem)
            {
                ModelState.AddModelError($"lines[{i}].Quantity", QuantityMessage(problem, product));
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        foreach (var input in lines)
        {
            if (Draft.Lines.FirstOrDefault(l => l.SalesOrderLineId == input.LineId) is { } line && input.Quantity is { } quantity)
            {
                line.Quantity = quantity;
            }
        }

        await drafts.SaveAsync(Draft, cancellationToken);
        return next == "review" ? RedirectToPage("/Orders/Drafts/Review", new { id }) : BackToItems(id, "lines-heading");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid lineId, CustomerScope scope, CancellationToken cancellationToken)
    {
        if (await LoadAsync(scope, id, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (Draft.Lines.FirstOrDefault(l => l.SalesOrderLineId == lineId) is { } line)
        {
            drafts.RemoveLine(Draft, line);
            await drafts.SaveAsync(Draft, cancellationToken);
            StatusMessage = localizer["Ordering.Removed", line.ItemNumber];
        }

        return BackToItems(id, "lines-heading");
    }

    // Quick entry adds every line it understands and reports the others, line by line.
    public async Task<IActionResult> OnPostQuickEntryAsync(Guid id, string? quickEntry, CustomerScope scope, CancellationToken cancellationToken)
    {
        if (await LoadAsync(scope, id, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (string.IsNullOrWhiteSpace(quickEntry))
        {
            ModelState.AddModelError("quickEntry", localizer["Validation.Required"]);
        }
        else if (quickEntry.Length > QuickEntry.MaxTextLength || QuickEntry.CountLines(quickEntry) > QuickEntry.MaxLines)
        {
            ModelState.AddModelError("quickEntry", localizer["Ordering.QuickEntry.TooLong", QuickEntry.MaxLines]);
        }

        if (!ModelState.IsValid || !Defaults.CanOrder)
        {
            await PriceLinesAsync(ordering, cancellationToken);
            return Page();
        }

        var report = await AddLinesAsync(ordering, drafts, QuickEntry.Parse(quickEntry, CultureInfo.CurrentCulture), cancellationToken);
        if (report.Any(l => l.Problem is null))
        {
            await drafts.SaveAsync(Draft, cancellationToken);
        }

        // The box keeps only what it refused: posting it again after a fix never adds a line twice.
        QuickEntryReport = report;
        QuickEntryText = string.Join('\n', report.Where(l => l.Problem is not null).Select(l => l.Text));
        ModelState.Remove("quickEntry");
        await PriceLinesAsync(ordering, cancellationToken);
        return Page();
    }

    public string QuickEntryMessage(QuickEntryLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Problem is { } problem ? localizer.Label(problem) : localizer["Ordering.QuickEntry.Added"];
    }

    private async Task<IActionResult?> LoadAsync(CustomerScope scope, Guid id, CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(drafts, ordering, scope, id, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (HttpMethods.IsGet(Request.Method))
        {
            await PriceLinesAsync(ordering, cancellationToken);
        }

        return null;
    }

    // After a change the page comes back with the search the user had and at the part they were using.
    private RedirectToPageResult BackToItems(Guid id, string fragment) =>
        RedirectToPage(null, null, new { id, search = string.IsNullOrWhiteSpace(Search) ? null : Search }, fragment);

    private string QuantityMessage(QuantityProblem problem, OrderableProduct product) => problem switch
    {
        QuantityProblem.TooManyDecimals => localizer["QuantityProblem.TooManyDecimals", product.Unit, product.QuantityDecimals],
        QuantityProblem.TooLarge => localizer["QuantityProblem.TooLarge", DisplayFormat.Quantity(OrderingRules.MaxQuantity, 0)],
        _ => localizer.Label(problem),
    };

    public sealed class AddInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(ProductQuery.MaxSearchLength, ErrorMessage = "Ordering.Validation.TooLong")]
        public string? ItemNumber { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        public decimal? Quantity { get; set; }
    }

    public sealed class LineInput
    {
        public Guid LineId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        public decimal? Quantity { get; set; }
    }
}
