using System.ComponentModel.DataAnnotations;
using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.Web.Ordering;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Orders;

// Step 1 of the order flow: order information. Company, accounts, currency, price list, language and
// ship-to country come from the contact and are shown; only what the customer decides is asked.
public sealed class NewModel(IOrderEntry ordering, OrderDraftStore drafts, TimeProvider time, IStringLocalizer<SharedResource> localizer)
    : OrderDraftPageModel
{
    [BindProperty]
    public InformationInput Input { get; set; } = new();

    public bool IsExistingDraft { get; private set; }

    public DateOnly EarliestReceiptDate => OrderingRules.EarliestReceiptDate(time);

    public async Task<IActionResult> OnGetAsync(Guid? id, CustomerScope scope, CancellationToken cancellationToken)
    {
        if (id is not { } draftId)
        {
            // The draft's id, and so the future salesorderid, is chosen now: a double-clicked "Next" saves one draft.
            Defaults = await ordering.GetDefaultsAsync(scope, cancellationToken);
            Input = InformationInput.For(Guid.NewGuid(), Defaults.AccountAddress);
            return Page();
        }

        if (await LoadDraftAsync(drafts, ordering, scope, draftId, cancellationToken) is { } stop)
        {
            return stop;
        }

        IsExistingDraft = true;
        Input = InformationInput.From(Draft);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        Defaults = await ordering.GetDefaultsAsync(scope, cancellationToken);
        IsExistingDraft = id is not null;
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

        var draftId = id ?? Input.DraftId;
        var draft = await drafts.FindAsync(User.UserId(), scope.AccountId, draftId, cancellationToken);
        if (draft?.SubmittedOrderNumber is { } number)
        {
            return RedirectToPage("/Orders/Details", new { number });
        }

        if (draft is not null)
        {
            Input.ApplyTo(draft);
            await drafts.SaveAsync(draft, cancellationToken);
        }
        else if (id is not null || draftId == Guid.Empty)
        {
            return NotFound();
        }
        else
        {
            draft = new OrderDraft { SalesOrderId = draftId, UserId = User.UserId(), AccountId = scope.AccountId, CompanyId = scope.CompanyId };
            Input.ApplyTo(draft);
            try
            {
                await drafts.AddAsync(draft, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The id belongs to someone else's draft: never touch it.
                return BadRequest();
            }
        }

        return RedirectToPage("/Orders/Drafts/Items", new { id = draft.SalesOrderId });
    }

    public sealed class InformationInput
    {
        public Guid DraftId { get; set; }

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

        public static InformationInput For(Guid draftId, PostalAddress? accountAddress) => new()
        {
            DraftId = draftId,
            Line1 = accountAddress?.Line1,
            Line2 = accountAddress?.Line2,
            City = accountAddress?.City,
            StateOrProvince = accountAddress?.StateOrProvince,
            PostalCode = accountAddress?.PostalCode,
        };

        public static InformationInput From(OrderDraft draft) => new()
        {
            DraftId = draft.SalesOrderId,
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
