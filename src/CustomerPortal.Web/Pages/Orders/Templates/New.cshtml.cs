using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.PortalStore.Templates;
using CustomerPortal.Web.Identity;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Ordering;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Orders.Templates;

// "Save as template" from an order (?order=number) or an order in progress (?draft=id): every line that
// could be ordered today is kept, with its quantity; the others are listed with the reorder's reasons.
// A representative's template is shared with the account, an authorized user's is their own.
public sealed class NewModel(
    ISalesOrderStore salesOrders, OrderDraftStore drafts, IOrderEntry ordering, OrderTemplateStore templates,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "order")]
    public string? FromOrder { get; set; }

    [BindProperty(SupportsGet = true, Name = "draft")]
    public Guid? FromDraft { get; set; }

    [BindProperty]
    public TemplateNameInput Input { get; set; } = new();

    public IReadOnlyList<OrderTemplateLine> Lines { get; private set; } = [];

    public IReadOnlyList<string> Skipped { get; private set; } = [];

    public bool IsShared { get; private set; }

    public async Task<IActionResult> OnGetAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(scope, cancellationToken))
        {
            return NotFound();
        }

        // Cleared so the suggested name shows no error before anything was typed.
        ModelState.Clear();
        Input.Name = FromOrder is { } number ? localizer["Templates.Save.DefaultName", number] : "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(scope, cancellationToken))
        {
            return NotFound();
        }

        var viewer = User.TemplateViewer(scope);
        await TemplateAccess.CheckNameAsync(ModelState, "Input.Name", Input.Name, templates, viewer, null, localizer, cancellationToken);
        if (Lines.Count == 0)
        {
            ModelState.AddModelError("", localizer["Templates.Save.Nothing"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var template = new OrderTemplate
        {
            Id = Guid.NewGuid(),
            AccountId = scope.AccountId,
            CompanyId = scope.CompanyId,
            OwnerUserId = viewer.UserId,
            OwnerName = User.DisplayName(),
            IsShared = IsShared,
            Name = Input.Name!.Trim(),
            Lines = [.. Lines],
        };
        if (!await templates.AddAsync(template, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", localizer["Templates.Validation.NameTaken", template.Name]);
            return Page();
        }

        TempData["StatusMessage"] = localizer["Templates.Save.Saved", template.Name, template.Lines.Count].Value;
        return RedirectToPage("./Details", new { id = template.Id });
    }

    // False when there is no source, or it is not one of this user's: an order of their scope, a draft of theirs.
    private async Task<bool> LoadAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        IsShared = scope.SeesWholeAccount;
        var lines = new List<OrderTemplateLine>();
        var skipped = new List<string>();
        if (FromOrder is { } number && FromDraft is null)
        {
            if (string.IsNullOrWhiteSpace(number) || number.Length > SalesOrderQuery.MaxSearchLength
                || await salesOrders.FindAsync(scope, number, cancellationToken) is not { } order)
            {
                return false;
            }

            var products = await ordering.LookUpAsync(scope, [.. order.Lines.Where(l => !l.IsWriteIn).Select(l => l.ItemNumber).Distinct()], [], cancellationToken);
            foreach (var line in order.Lines)
            {
                var product = products.FirstOrDefault(p => string.Equals(p.ItemNumber, line.ItemNumber, StringComparison.OrdinalIgnoreCase));
                if (OrderingRules.CheckReorder(line, product) is { } refusal)
                {
                    skipped.Add(localizer["Ordering.Problem.Line", line.LineNumber, ReorderModel.NameOf(line), localizer.Label(refusal)]);
                    continue;
                }

                Keep(lines, product!, line.Quantity);
            }
        }
        else if (FromDraft is { } draftId && FromOrder is null)
        {
            if (await drafts.FindAsync(User.UserId(), scope.AccountId, draftId, cancellationToken) is not { } draft || draft.CompanyId != scope.CompanyId)
            {
                return false;
            }

            var products = draft.Lines.Count == 0 ? [] : await ordering.LookUpAsync(scope, [], [.. draft.Lines.Select(l => l.ProductId)], cancellationToken);
            foreach (var line in draft.Lines)
            {
                var product = products.FirstOrDefault(p => p.ProductId == line.ProductId);
                if (OrderingRules.CheckLine(product, line.Quantity) is { } refusal)
                {
                    skipped.Add(localizer["Ordering.Problem.Line", line.Position, line.ItemNumber, localizer.Label(refusal)]);
                    continue;
                }

                Keep(lines, product!, line.Quantity);
            }
        }
        else
        {
            return false;
        }

        Lines = lines;
        Skipped = skipped;
        return true;
    }

    // One line per product, as the reorder copies them: a product twice on an order is kept once, with both quantities.
    private static void Keep(List<OrderTemplateLine> lines, OrderableProduct product, decimal quantity)
    {
        if (lines.FirstOrDefault(l => l.ProductId == product.ProductId) is { } same)
        {
            same.Quantity = OrderingRules.Merge(same.Quantity, quantity);
            return;
        }

        if (lines.Count < OrderingRules.MaxLines)
        {
            lines.Add(new OrderTemplateLine
            {
                Id = Guid.NewGuid(),
                ProductId = product.ProductId,
                ItemNumber = product.ItemNumber,
                ProductName = product.Name,
                Quantity = quantity,
            });
        }
    }
}
