using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Ordering;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Orders;

// Copies all or chosen lines of a past order into a new draft, priced again today. Lines whose
// product can no longer be ordered, and write-in lines, which have no product, stay behind, each with its reason.
public sealed class ReorderModel(
    ISalesOrderStore salesOrders, IOrderEntry ordering, OrderDraftStore drafts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public SalesOrder Order { get; private set; } = default!;

    public OrderingDefaults Defaults { get; private set; } = default!;

    public IReadOnlyDictionary<string, OrderableProduct> Products { get; private set; } = new Dictionary<string, OrderableProduct>();

    public Task<IActionResult> OnGetAsync(string number, CustomerScope scope, CancellationToken cancellationToken) => LoadAsync(scope, number, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string number, List<Guid> selected, CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selected);
        var loaded = await LoadAsync(scope, number, cancellationToken);
        if (loaded is not PageResult || !Defaults.CanOrder)
        {
            return loaded;
        }

        var chosen = Order.Lines.Where(l => selected.Contains(l.SalesOrderLineId)).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError("selected", localizer["Ordering.Reorder.NoneChosen"]);
            return Page();
        }

        var draft = new OrderDraft
        {
            SalesOrderId = Guid.NewGuid(),
            UserId = User.UserId(),
            AccountId = scope.AccountId,
            CompanyId = scope.CompanyId,
            ShipToLine1 = Order.DeliveryAddress.Line1,
            ShipToLine2 = Order.DeliveryAddress.Line2,
            ShipToCity = Order.DeliveryAddress.City,
            ShipToStateOrProvince = Order.DeliveryAddress.StateOrProvince,
            ShipToPostalCode = Order.DeliveryAddress.PostalCode,
        };
        var notCopied = new List<string>();
        foreach (var line in chosen)
        {
            if (OrderingRules.CheckReorder(line, Products.GetValueOrDefault(line.ItemNumber)) is { } refusal)
            {
                notCopied.Add(localizer["Ordering.Problem.Line", line.LineNumber, NameOf(line), localizer.Label(refusal)]);
                continue;
            }

            if (draft.Lines.FirstOrDefault(l => l.ProductId == Products[line.ItemNumber].ProductId) is { } same)
            {
                same.Quantity += line.Quantity;
                continue;
            }

            draft.Lines.Add(new OrderDraftLine
            {
                SalesOrderLineId = Guid.NewGuid(),
                SalesOrderId = draft.SalesOrderId,
                Position = draft.Lines.Count + 1,
                ProductId = Products[line.ItemNumber].ProductId,
                ItemNumber = line.ItemNumber,
                ProductName = line.ProductName,
                Quantity = line.Quantity,
            });
        }

        await drafts.AddAsync(draft, cancellationToken);
        TempData["NotCopied"] = notCopied.ToArray();
        TempData["StatusMessage"] = localizer["Ordering.Reorder.Copied", draft.Lines.Count, Order.OrderNumber].Value;
        return RedirectToPage("/Orders/Drafts/Items", new { id = draft.SalesOrderId });
    }

    public string? ReasonFor(SalesOrderLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return OrderingRules.CheckReorder(line, Products.GetValueOrDefault(line.ItemNumber)) is { } refusal ? localizer.Label(refusal) : null;
    }

    // How the page names a line: its item number, or what a write-in line says it sold.
    public static string NameOf(SalesOrderLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.IsWriteIn ? line.WriteInDescription ?? "" : line.ItemNumber;
    }

    private async Task<IActionResult> LoadAsync(CustomerScope scope, string number, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > SalesOrderQuery.MaxSearchLength
            || await salesOrders.FindAsync(scope, number, cancellationToken) is not { } order)
        {
            return NotFound();
        }

        Order = order;
        Defaults = await ordering.GetDefaultsAsync(scope, cancellationToken);
        var products = await ordering.LookUpAsync(scope, [.. order.Lines.Where(l => !l.IsWriteIn).Select(l => l.ItemNumber).Distinct()], [], cancellationToken);
        Products = products.ToDictionary(p => p.ItemNumber, StringComparer.OrdinalIgnoreCase);
        return Page();
    }
}
