using System.ComponentModel.DataAnnotations;
using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.Web.Ordering;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Orders;

// Step 1 of the order flow: order information. Company, accounts, currency, price list, language and
// ship-to country come from the contact and are shown; only what the customer decides is asked.
public sealed class NewModel(
    IOrderEntry ordering, OrderDraftStore drafts, DraftIdTokens draftIds, TimeProvider time, IStringLocalizer<SharedResource> localizer)
    : OrderDraftPageModel
{
    [BindProperty]
    public InformationInput Input { get; set; } = new();

    // The draft being edited; null while it is a new one, whose id only the form's token carries.
    public Guid? DraftId { get; private set; }

    public DateOnly EarliestReceiptDate => OrderingRules.EarliestReceiptDate(time);

    public async Task<IActionResult> OnGetAsync(Guid? id, CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (id is not { } draftId)
        {
            // The draft's id, and so the future salesorderid, is chosen now, here: a double-clicked "Next" saves one draft.
            Defaults = await ordering.GetDefaultsAsync(scope, cancellationToken);
            // The earliest date the submit accepts, so "Next" goes through unless the customer wants a later one.
            Input = InformationInput.For(draftIds.Protect(User.UserId(), scope.AccountId, Guid.NewGuid()), Defaults.AccountAddress, EarliestReceiptDate);
            return Page();
        }

        if (await LoadDraftAsync(drafts, ordering, scope, draftId, cancellationToken) is { } stop)
        {
            return stop;
        }

        DraftId = draftId;
        Input = InformationInput.From(Draft);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        Guid draftId;
        if (id is { } existing)
        {
            // Checked before the form: any id but the user's own draft's answers 404, whatever was posted.
            if (await LoadDraftAsync(drafts, ordering, scope, existing, cancellationToken) is { } stop)
            {
                return stop;
            }

            DraftId = draftId = existing;
        }
        else
        {
            draftId = NewDraftId(scope);
            Defaults = await ordering.GetDefaultsAsync(scope, cancellationToken);
        }

        if (!Defaults.CanOrder)
        {
            // The page lists what the contact lacks; nothing is saved until it is fixed.
            return Page();
        }

        if (Input.RequestedReceiptDate is { } date && date < EarliestReceiptDate)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.RequestedReceiptDate)}", localizer["Ordering.Validation.DateInPast"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A new form posted again (a double click, the back button) finds the draft its first post saved.
        var draft = id is null ? await drafts.FindAsync(User.UserId(), scope.AccountId, draftId, cancellationToken) : Draft;
        if (draft is null)
        {
            var started = new OrderDraft { SalesOrderId = draftId, UserId = User.UserId(), AccountId = scope.AccountId, CompanyId = scope.CompanyId };
            Input.ApplyTo(started);
            draft = await drafts.AddOrFindAsync(started, cancellationToken);
            if (ReferenceEquals(draft, started))
            {
                return RedirectToPage("/Orders/Drafts/Items", new { id = draftId });
            }
        }

        if (draft.SubmittedOrderNumber is { } number)
        {
            return RedirectToPage("/Orders/Details", new { number });
        }

        Input.ApplyTo(draft);
        await drafts.SaveAsync(draft, cancellationToken);
        return RedirectToPage("/Orders/Drafts/Items", new { id = draftId });
    }

    // The id the form's token carries; a form whose token does not open is a fresh form and gets a new
    // one. Either way the form shown again (after a validation error) carries this id, in a token of ours.
    private Guid NewDraftId(CustomerScope scope)
    {
        var draftId = draftIds.Unprotect(User.UserId(), scope.AccountId, Input.DraftToken) ?? Guid.NewGuid();
        Input.DraftToken = draftIds.Protect(User.UserId(), scope.AccountId, draftId);
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.DraftToken)}");
        return draftId;
    }

    public sealed class InformationInput
    {
        // Only on a new draft's form: see DraftIdTokens.
        public string? DraftToken { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        public DateOnly? RequestedReceiptDate { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(OrderingRules.MaxAddressLineLength, ErrorMessage = "Ordering.Validation.TooLong")]
        public string? Line1 { get; set; }

        [StringLength(OrderingRules.MaxAddressLineLength, ErrorMessage = "Ordering.Validation.TooLong")]
        public string? Line2 { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(OrderingRules.MaxAddressLineLength, ErrorMessage = "Ordering.Validation.TooLong")]
        public string? City { get; set; }

        [StringLength(OrderingRules.MaxAddressLineLength, ErrorMessage = "Ordering.Validation.TooLong")]
        public string? StateOrProvince { get; set; }

        [StringLength(OrderingRules.MaxAddressLineLength, ErrorMessage = "Ordering.Validation.TooLong")]
        public string? PostalCode { get; set; }

        [StringLength(OrderingRules.MaxRequisitionNumberLength, ErrorMessage = "Ordering.Validation.TooLong")]
        public string? RequisitionNumber { get; set; }

        [StringLength(OrderingRules.MaxCustomerReferenceLength, ErrorMessage = "Ordering.Validation.TooLong")]
        public string? CustomerReference { get; set; }

        public static InformationInput For(string draftToken, PostalAddress? accountAddress, DateOnly requestedReceiptDate) => new()
        {
            DraftToken = draftToken,
            RequestedReceiptDate = requestedReceiptDate,
            Line1 = accountAddress?.Line1,
            Line2 = accountAddress?.Line2,
            City = accountAddress?.City,
            StateOrProvince = accountAddress?.StateOrProvince,
            PostalCode = accountAddress?.PostalCode,
        };

        public static InformationInput From(OrderDraft draft) => new()
        {
            RequestedReceiptDate = draft.RequestedReceiptDate,
            Line1 = draft.ShipToLine1,
            Line2 = draft.ShipToLine2,
            City = draft.ShipToCity,
            StateOrProvince = draft.ShipToStateOrProvince,
            PostalCode = draft.ShipToPostalCode,
            RequisitionNumber = draft.RequisitionNumber,
            CustomerReference = draft.CustomerReference,
        };

        public void ApplyTo(OrderDraft draft)
        {
            draft.RequestedReceiptDate = RequestedReceiptDate;
            draft.ShipToLine1 = Line1?.Trim();
            draft.ShipToLine2 = Line2?.Trim();
            draft.ShipToCity = City?.Trim();
            draft.ShipToStateOrProvince = StateOrProvince?.Trim();
            draft.ShipToPostalCode = PostalCode?.Trim();
            draft.RequisitionNumber = RequisitionNumber?.Trim();
            draft.CustomerReference = CustomerReference?.Trim();
        }
    }
}
