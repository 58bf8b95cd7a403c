using System.ComponentModel.DataAnnotations;
using CustomerPortal.Core.Contacts;
using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Invitations;
using CustomerPortal.Web.Invitations;
using CustomerPortal.Web.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages.Admin.Invitations;

// Administrators find a contact, see whether it was prepared, and invite it with a role.
public sealed class IndexModel(
    IContactAdministration contacts,
    InvitationService invitations,
    IPortalMailSender mail,
    InvitationStore store,
    PortalUsers users,
    TimeProvider clock) : PageModel
{
    public const int MinSearchLength = 2;

    [BindProperty(SupportsGet = true)]
    [StringLength(SearchBox.MaxLength, ErrorMessage = "Validation.SearchTooLong")]
    public string? Search { get; set; }

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    // Shown only while mails go to the pickup folder, so a demo can open the invitation without a mail server.
    [TempData]
    public string? InvitationLink { get; set; }

    public IReadOnlyList<ContactCandidate> Candidates { get; private set; } = [];

    public HashSet<Guid> ContactsWithAccess { get; private set; } = [];

    public HashSet<Guid> ContactsInvited { get; private set; } = [];

    public IReadOnlyList<Invitation> Recent { get; private set; } = [];

    public DateTime Now { get; private set; }

    // The resource key saying why the invitation was refused.
    public string? Refusal { get; private set; }

    public IReadOnlyList<ContactRequirement> Missing { get; private set; } = [];

    public bool ShowsLinks => mail.WritesToPickupFolder;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }

        if (await contacts.FindCandidateAsync(Input.ContactId, cancellationToken) is not { } contact)
        {
            return NotFound();
        }

        var outcome = await invitations.InviteAsync(contact, Input.Role, InvitationLanguage.For(Input.Culture), User, BaseUrl, cancellationToken);
        if (!outcome.Succeeded)
        {
            Refusal = "Invitations.Refused." + outcome.Refusal;
            Missing = contact.Missing;
            return await ShowAsync(cancellationToken);
        }

        StatusMessage = "Invitations.Sent";
        InvitationLink = ShowsLinks ? outcome.Link : null;
        return RedirectToPage(new { Search });
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } invitation)
        {
            return NotFound();
        }

        var outcome = await invitations.ResendAsync(invitation, User, BaseUrl, cancellationToken);
        StatusMessage = outcome.Succeeded ? "Invitations.Resent" : "Invitations.Refused." + outcome.Refusal;
        InvitationLink = outcome.Succeeded && ShowsLinks ? outcome.Link : null;
        return RedirectToPage(new { Search });
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } invitation)
        {
            return NotFound();
        }

        var outcome = await invitations.RevokeAsync(invitation, User, cancellationToken);
        StatusMessage = outcome.Succeeded ? "Invitations.Revoked" : "Invitations.Refused." + outcome.Refusal;
        return RedirectToPage(new { Search });
    }

    private string BaseUrl => Request.BaseUrl();

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        if (ModelState.GetFieldValidationState(nameof(Search)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && Search?.Trim() is { Length: >= MinSearchLength } text)
        {
            Candidates = await contacts.SearchAsync(text, 25, cancellationToken);
            var ids = Candidates.Select(c => c.ContactId).ToList();
            ContactsWithAccess = [.. await users.ListContactsWithAccessAsync(ids, cancellationToken)];
            ContactsInvited = [.. await store.ListContactsInvitedAsync(ids, Now, cancellationToken)];
        }

        Recent = await store.ListRecentAsync(50, cancellationToken);
        return Page();
    }

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        public Guid ContactId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression("^(CustomerRepresentative|AuthorizedUser)$", ErrorMessage = "Validation.UnknownValue")]
        [Display(Name = "Invitations.Role")]
        public string Role { get; set; } = "AuthorizedUser";

        // The invitee's language; one the portal does not speak gets the default (InvitationLanguage).
        [StringLength(16, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Invitations.Language")]
        public string? Culture { get; set; }
    }
}
