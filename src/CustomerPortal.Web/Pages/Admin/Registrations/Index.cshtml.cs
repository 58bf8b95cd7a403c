using CustomerPortal.Web.Invitations;
using System.ComponentModel.DataAnnotations;
using CustomerPortal.Core.Contacts;
using CustomerPortal.PortalStore.Registrations;
using CustomerPortal.Web.Mail;
using CustomerPortal.Web.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Pages.Admin.Registrations;

// Administrators review access requests (only while self-registration is on): approve one by linking it
// to a prepared contact, which sends that contact a normal invitation, or reject it with a reason.
public sealed class IndexModel(
    IContactAdministration contacts,
    RegistrationService registrations,
    IOptions<RegistrationOptions> options,
    IPortalMailSender mail,
    RegistrationRequestStore requests) : PageModel
{
    public const int MinSearchLength = 2;

    // The request being reviewed.
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    [StringLength(SearchBox.MaxLength, ErrorMessage = "Validation.SearchTooLong")]
    public string? Search { get; set; }

    [BindProperty]
    public ApproveInput Approve { get; set; } = new();

    [BindProperty]
    public RejectInput Reject { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? InvitationLink { get; set; }

    public RegistrationRequest? Selected { get; private set; }

    public IReadOnlyList<RegistrationRequest> Pending { get; private set; } = [];

    public IReadOnlyList<RegistrationRequest> Decided { get; private set; } = [];

    public IReadOnlyList<ContactCandidate> Candidates { get; private set; } = [];

    public IReadOnlyList<ContactRequirement> Missing { get; private set; } = [];

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.AllowSelfRegistration)
        {
            return NotFound();
        }

        if (Id is not null && await requests.FindAsync(Id.Value, cancellationToken) is null)
        {
            return NotFound();
        }

        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.AllowSelfRegistration || await requests.FindAsync(Approve.RequestId, cancellationToken) is not { } request)
        {
            return NotFound();
        }

        Id = request.Id;
        OnlyValidate("Approve.");
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }

        if (await contacts.FindCandidateAsync(Approve.ContactId, cancellationToken) is not { } contact)
        {
            return NotFound();
        }

        var outcome = await registrations.ApproveAsync(request, contact, Approve.Role, User, Request.BaseUrl(), cancellationToken);
        if (!outcome.Succeeded)
        {
            Refusal = outcome.RefusalKey;
            Missing = contact.Missing;
            return await ShowAsync(cancellationToken);
        }

        StatusMessage = "Registrations.Approved";
        InvitationLink = mail.WritesToPickupFolder ? outcome.InvitationLink : null;
        return RedirectToPage(new { id = (Guid?)null });
    }

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.AllowSelfRegistration || await requests.FindAsync(Reject.RequestId, cancellationToken) is not { } request)
        {
            return NotFound();
        }

        Id = request.Id;
        OnlyValidate("Reject.");

        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }

        var outcome = await registrations.RejectAsync(request, Reject.Reason, Reject.Notify, User, cancellationToken);
        if (!outcome.Succeeded)
        {
            Refusal = outcome.RefusalKey;
            return await ShowAsync(cancellationToken);
        }

        StatusMessage = "Registrations.Rejected";
        return RedirectToPage(new { id = (Guid?)null });
    }

    // Both forms' inputs are bound on every post; only the posted form's fields count.
    private void OnlyValidate(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    // Lists the requests, and for a pending request under review the contacts it may belong to.
    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Pending = await requests.ListPendingAsync(100, cancellationToken);
        Decided = await requests.ListDecidedAsync(50, cancellationToken);
        Selected = Id is { } id ? await requests.ReadAsync(id, cancellationToken) : null;
        if (Selected is not { State: RegistrationState.Pending })
        {
            return Page();
        }

        // The request's e-mail address is where the search starts; the administrator can search for anything.
        Search ??= Selected.Email;
        if (ModelState.GetFieldValidationState(nameof(Search)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && Search.Trim() is { Length: >= MinSearchLength } text)
        {
            Candidates = await contacts.SearchAsync(text, 25, cancellationToken);
        }

        return Page();
    }

    public sealed class ApproveInput
    {
        public Guid RequestId { get; set; }

        public Guid ContactId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression("^(CustomerRepresentative|AuthorizedUser)$", ErrorMessage = "Validation.UnknownValue")]
        [Display(Name = "Invitations.Role")]
        public string Role { get; set; } = "AuthorizedUser";
    }

    public sealed class RejectInput
    {
        public Guid RequestId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(1000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Registrations.Reason")]
        public string Reason { get; set; } = "";

        [Display(Name = "Registrations.Notify")]
        public bool Notify { get; set; }
    }
}
