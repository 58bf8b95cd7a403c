using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Ordering;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Orders.Drafts;

// Step 3: everything on one screen, then submit. The submit names the order by the id fixed with the
// draft, so double clicks, retries and second tabs all end at the same single order.
public sealed partial class ReviewModel(
    IOrderEntry ordering, OrderDraftStore drafts, TimeProvider time, IStringLocalizer<SharedResource> localizer, ILogger<ReviewModel> logger)
    : OrderDraftPageModel
{
    // What stops a submit, each with the step that fixes it.
    public List<(string Message, string Page)> Problems { get; } = [];

    public string? SubmitError { get; private set; }

    public bool CanSubmit => Defaults.CanOrder && Problems.Count == 0;

    public Task<IActionResult> OnGetAsync(Guid id, CustomerScope scope, CancellationToken cancellationToken) => LoadAsync(scope, id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CustomerScope scope, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(scope, id, cancellationToken);
        if (loaded is not PageResult || !CanSubmit)
        {
            return loaded;
        }

        SubmitResult result;
        try
        {
            result = await ordering.SubmitAsync(scope, ToNewSalesOrder(Draft), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The draft is untouched, and a retry names the same order, so trying again is always safe.
            LogSubmitFailed(logger, ex, Draft.SalesOrderId);
            SubmitError = localizer["Ordering.Submit.Failed"];
            return Page();
        }

        if (!result.Succeeded)
        {
            Problems.AddRange(result.Refusals.Select(r => (Describe(r), "/Orders/Drafts/Items")));
            SubmitError = localizer["Ordering.Submit.Refused"];
            return Page();
        }

        await drafts.MarkSubmittedAsync(Draft.SalesOrderId, result.OrderNumber!, cancellationToken);
        TempData["Ordering.Submitted"] = result.OrderNumber;
        return RedirectToPage("/Orders/Details", new { number = result.OrderNumber });
    }

    private async Task<IActionResult> LoadAsync(CustomerScope scope, Guid id, CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(drafts, ordering, scope, id, cancellationToken) is { } stop)
        {
            return stop;
        }

        await PriceLinesAsync(ordering, cancellationToken);

        // The submit's own check of the order as a whole, so the review shows exactly what a submit would refuse.
        foreach (var refusal in OrderingRules.CheckOrder(ToNewSalesOrder(Draft), OrderingRules.EarliestReceiptDate(time)))
        {
            var fixedOn = refusal.Reason is SubmitRefusalReason.NoLines or SubmitRefusalReason.TooManyLines ? "/Orders/Drafts/Items" : "/Orders/New";
            Problems.Add((localizer.Label(refusal), fixedOn));
        }

        foreach (var line in Lines.Where(l => !l.IsOrderable))
        {
            Problems.Add((localizer["Ordering.Problem.Line", line.Line.Position, line.Line.ItemNumber, localizer.Label(line.Refusal!)], "/Orders/Drafts/Items"));
        }

        return Page();
    }

    private string Describe(SubmitRefusal refusal)
    {
        var line = refusal.LineIndex is { } index && index < Draft.Lines.Count ? Draft.Lines[index] : null;
        var reason = refusal.Field is { } field
            ? localizer["Ordering.Missing.Item", localizer.Label(field), localizer.Label(MissingOrderingField.For(field).AskWhom)].Value
            : localizer.Label(refusal);
        return line is null ? reason : localizer["Ordering.Problem.Line", line.Position, line.ItemNumber, reason];
    }

    private static NewSalesOrder ToNewSalesOrder(OrderDraft draft) => new(
        draft.SalesOrderId,
        // No date yet is the default date, which the check refuses.
        draft.RequestedReceiptDate ?? default,
        new PostalAddress(draft.ShipToLine1, draft.ShipToLine2, draft.ShipToCity, draft.ShipToStateOrProvince, draft.ShipToPostalCode, null),
        draft.RequisitionNumber,
        draft.CustomerReference,
        [.. draft.Lines.Select(l => new NewSalesOrderLine(l.SalesOrderLineId, l.ProductId, l.Quantity))]);

    [LoggerMessage(Level = LogLevel.Error, Message = "Submitting draft {SalesOrderId} failed; the draft is kept.")]
    private static partial void LogSubmitFailed(ILogger logger, Exception exception, Guid salesOrderId);
}
