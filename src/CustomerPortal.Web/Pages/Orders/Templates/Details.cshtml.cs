using System.ComponentModel.DataAnnotations;
using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.PortalStore.Templates;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Ordering;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Orders.Templates;

// One template: order all or chosen lines in one click, and, for whoever may change it, rename it,
// change quantities and remove lines. A template the user may not see answers 404, like an unknown id.
public sealed class DetailsModel(
    OrderTemplateStore templates, OrderDraftStore drafts, IOrderEntry ordering, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public OrderTemplate Template { get; private set; } = default!;

    public OrderingDefaults Defaults { get; private set; } = default!;

    // Each line as it could be ordered today: its product priced now, or why it cannot be ordered.
    public IReadOnlyList<TemplateLinePrice> Lines { get; private set; } = [];

    public bool MayChange { get; private set; }

    [BindProperty]
    public TemplateNameInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CustomerScope scope, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(scope, id, cancellationToken))
        {
            return NotFound();
        }

        Input.Name = Template.Name;
        return Page();
    }

    // New draft, not the one in progress: a template is a whole order's worth of lines, like a reorder, and
    // a second click must not double the quantities of an order the buyer was already putting together.
    public async Task<IActionResult> OnPostOrderAsync(Guid id, bool all, List<Guid> selected, CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selected);
        if (!await LoadAsync(scope, id, cancellationToken))
        {
            return NotFound();
        }

        // The edit form's fields are not part of this form: only the choice of lines counts here.
        ModelState.Clear();
        Input.Name = Template.Name;
        var chosen = Lines.Where(l => all || selected.Contains(l.Line.Id)).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError("selected", localizer["Templates.Order.NoneChosen"]);
            return Page();
        }

        if (!Defaults.CanOrder)
        {
            return Page();
        }

        var address = Defaults.AccountAddress;
        var draft = new OrderDraft
        {
            SalesOrderId = Guid.NewGuid(),
            UserId = User.UserId(),
            AccountId = scope.AccountId,
            CompanyId = scope.CompanyId,
            ShipToLine1 = address?.Line1,
            ShipToLine2 = address?.Line2,
            ShipToCity = address?.City,
            ShipToStateOrProvince = address?.StateOrProvince,
            ShipToPostalCode = address?.PostalCode,
        };
        var notCopied = new List<string>();
        foreach (var (line, product, refusal) in chosen)
        {
            if (refusal is not null)
            {
                notCopied.Add(localizer["Ordering.Problem.Line", line.Position, line.ItemNumber, localizer.Label(refusal)]);
                continue;
            }

            draft.Lines.Add(new OrderDraftLine
            {
                SalesOrderLineId = Guid.NewGuid(),
                SalesOrderId = draft.SalesOrderId,
                Position = draft.Lines.Count + 1,
                ProductId = line.ProductId,
                ItemNumber = product!.ItemNumber,
                ProductName = product.Name,
                Quantity = line.Quantity,
            });
        }

        await drafts.AddAsync(draft, cancellationToken);
        var added = string.Join(", ", chosen.Where(l => l.Refusal is null)
            .Select(l => $"{l.Product!.ItemNumber} × {TemplateAccess.Quantity(l.Line.Quantity, l.Product)}"));
        TempData["NotCopied"] = notCopied.ToArray();
        TempData["StatusMessage"] = localizer["Templates.Order.Added", draft.Lines.Count, Template.Name, added.Length == 0 ? "—" : added].Value;
        return RedirectToPage("/Orders/Drafts/Items", new { id = draft.SalesOrderId });
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, List<LineInput> lines, CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (!await LoadAsync(scope, id, cancellationToken))
        {
            return NotFound();
        }

        if (!MayChange)
        {
            return Forbid();
        }

        var owner = new TemplateViewer(Template.OwnerUserId, Template.AccountId, Template.CompanyId);
        await TemplateAccess.CheckNameAsync(ModelState, "Input.Name", Input.Name, templates, owner, Template.Id, localizer, cancellationToken);
        for (var i = 0; i < lines.Count; i++)
        {
            var priced = Lines.FirstOrDefault(l => l.Line.Id == lines[i].LineId);
            if (priced is not null && lines[i].Quantity is { } quantity
                && OrderingRules.CheckQuantity(quantity, priced.Product?.QuantityDecimals ?? OrderingRules.MaxQuantityDecimals) is { } problem)
            {
                ModelState.AddModelError($"lines[{i}].Quantity", QuantityMessage(problem, priced.Product));
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Template.Name = Input.Name!.Trim();
        foreach (var input in lines)
        {
            if (Template.Lines.FirstOrDefault(l => l.Id == input.LineId) is { } line && input.Quantity is { } quantity)
            {
                line.Quantity = quantity;
            }
        }

        if (!await templates.SaveAsync(Template, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", localizer["Templates.Validation.NameTaken", Template.Name]);
            return Page();
        }

        StatusMessage = localizer["Templates.Edit.Saved", Template.Name];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid lineId, CustomerScope scope, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(scope, id, cancellationToken))
        {
            return NotFound();
        }

        if (!MayChange)
        {
            return Forbid();
        }

        if (Template.Lines.FirstOrDefault(l => l.Id == lineId) is { } line)
        {
            templates.RemoveLine(Template, line);
            await templates.SaveAsync(Template, cancellationToken);
            StatusMessage = localizer["Templates.Edit.Removed", line.ItemNumber];
        }

        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(CustomerScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await templates.FindVisibleAsync(User.TemplateViewer(scope), id, cancellationToken) is not { } template)
        {
            return false;
        }

        Template = template;
        MayChange = User.MayChange(template, scope);
        Defaults = await ordering.GetDefaultsAsync(scope, cancellationToken);
        var products = template.Lines.Count == 0
            ? []
            : await ordering.LookUpAsync(scope, [], [.. template.Lines.Select(l => l.ProductId)], cancellationToken);
        Lines = [.. template.Lines.Select(line =>
        {
            var product = products.FirstOrDefault(p => p.ProductId == line.ProductId);
            return new TemplateLinePrice(line, product, OrderingRules.CheckLine(product, line.Quantity));
        })];
        return true;
    }

    private string QuantityMessage(QuantityProblem problem, OrderableProduct? product) => problem switch
    {
        QuantityProblem.TooManyDecimals when product is not null => localizer["QuantityProblem.TooManyDecimals", product.Unit, product.QuantityDecimals],
        QuantityProblem.TooLarge => localizer["QuantityProblem.TooLarge", DisplayFormat.Quantity(OrderingRules.MaxQuantity, 0)],
        _ => localizer.Label(problem),
    };

    public sealed class LineInput
    {
        public Guid LineId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        public decimal? Quantity { get; set; }
    }
}

// A template line as it could be ordered today; Refusal says why not, with the submit's own check.
public sealed record TemplateLinePrice(OrderTemplateLine Line, OrderableProduct? Product, SubmitRefusal? Refusal);
