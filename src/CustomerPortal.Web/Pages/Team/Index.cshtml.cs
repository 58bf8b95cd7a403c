using CustomerPortal.Core;
using CustomerPortal.Core.Contacts;
using CustomerPortal.PortalStore;
using CustomerPortal.PortalStore.Invitations;
using CustomerPortal.Web.Administration;
using CustomerPortal.Web.Invitations;
using CustomerPortal.Web.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages.Team;

// A customer representative's own people: the contacts of their account, who has portal access, and
// the two things a representative may do: invite a prepared colleague as an authorized user, and
// disable a colleague's access. Every contact id posted here is looked up in the representative's
// own list first, so another account's contact answers 404.
public sealed class IndexModel(
    IContactDirectory contacts,
    InvitationService invitations,
    PortalUserAdministration administration,
    IPortalMailSender mail,
    PortalUsers users,
    InvitationStore invitationStore,
    TimeProvider clock) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? InvitationLink { get; set; }

    public IReadOnlyList<ContactCandidate> Colleagues { get; private set; } = [];

    public Dictionary<Guid, PortalUserSummary> Users { get; private set; } = [];

    public HashSet<Guid> Invited { get; private set; } = [];

    public Guid Self { get; private set; }

    public async Task<IActionResult> OnGetAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        Self = scope.ContactId;
        Colleagues = await contacts.ListColleaguesAsync(scope, cancellationToken);
        var ids = Colleagues.Select(c => c.ContactId).ToList();
        // One row per contact; with several sign-ins on one contact, the one used last represents it.
        Users = (await users.ListAsync(null, ids, cancellationToken))
            .GroupBy(u => u.ContactId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(u => u.LastSignInAt).First());
        var now = clock.GetUtcNow().UtcDateTime;
        Invited = [.. await invitationStore.ListContactsInvitedAsync(ids, now, cancellationToken)];
        return Page();
    }

    // culture: the colleague's language, chosen on the form (the contact has none to read).
    public async Task<IActionResult> OnPostInviteAsync(Guid contactId, string? culture, CustomerScope scope, CancellationToken cancellationToken)
    {
        if ((await contacts.ListColleaguesAsync(scope, cancellationToken)).SingleOrDefault(c => c.ContactId == contactId) is not { } colleague)
        {
            return NotFound();
        }

        var outcome = await invitations.InviteAsync(colleague, PortalRoles.AuthorizedUser, InvitationLanguage.For(culture), User, Request.BaseUrl(), cancellationToken);
        StatusMessage = outcome.Succeeded ? "Invitations.Sent" : "Invitations.Refused." + outcome.Refusal;
        InvitationLink = outcome.Succeeded && mail.WritesToPickupFolder ? outcome.Link : null;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid contactId, CustomerScope scope, CancellationToken cancellationToken)
    {
        if ((await contacts.ListColleaguesAsync(scope, cancellationToken)).All(c => c.ContactId != contactId))
        {
            return NotFound();
        }

        // Nothing stops two sign-ins being linked to one contact (an old and a re-invited one, say):
        // disabling a colleague's access disables every sign-in of that contact.
        var sameContact = await users.ListOfContactAsync(contactId, cancellationToken);
        if (sameContact.Count == 0)
        {
            return NotFound();
        }

        string? refusal = null;
        foreach (var user in sameContact)
        {
            refusal ??= await administration.DisableAsync(user, User, AuditActions.AccessDisabled);
        }

        StatusMessage = refusal is null ? "Team.Disabled" : "Users.Refused." + refusal;
        return RedirectToPage();
    }
}
