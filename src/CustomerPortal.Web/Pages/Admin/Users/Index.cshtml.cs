using System.ComponentModel.DataAnnotations;
using CustomerPortal.Core.Contacts;
using CustomerPortal.PortalStore;
using CustomerPortal.Web.Administration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages.Admin.Users;

// Every portal user with the contact and account it acts for, its role, last sign-in and lock state.
public sealed class IndexModel(PortalUserAdministration administration, PortalUsers users, IContactAdministration contacts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [StringLength(SearchBox.MaxLength, ErrorMessage = "Validation.SearchTooLong")]
    public string? Search { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<PortalUserSummary> PortalUsers { get; private set; } = [];

    public IReadOnlyDictionary<Guid, PortalContact> Contacts { get; private set; } = new Dictionary<Guid, PortalContact>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        PortalUsers = await users.ListAsync(ModelState.IsValid ? Search : null, null, cancellationToken);
        Contacts = await contacts.FindManyAsync([.. PortalUsers.Select(u => u.ContactId).OfType<Guid>().Distinct()], cancellationToken);

        return Page();
    }

    public Task<IActionResult> OnPostLockAsync(string userId) =>
        ActAsync(userId, user => administration.DisableAsync(user, User, AuditActions.UserLocked), "Users.Locked");

    public Task<IActionResult> OnPostUnlockAsync(string userId) =>
        ActAsync(userId, user => administration.UnlockAsync(user, User), "Users.Unlocked");

    public Task<IActionResult> OnPostRoleAsync(string userId, string role) =>
        ActAsync(userId, user => administration.ChangeRoleAsync(user, role ?? "", User), "Users.RoleChanged");

    public Task<IActionResult> OnPostRemoveAsync(string userId) =>
        ActAsync(userId, user => administration.RemoveAsync(user, User), "Users.Removed");

    private async Task<IActionResult> ActAsync(string userId, Func<PortalUser, Task<string?>> action, string done)
    {
        if (await administration.FindAsync(userId) is not { } user)
        {
            return NotFound();
        }

        var refusal = await action(user);
        StatusMessage = refusal is null ? done : "Users.Refused." + refusal;
        return RedirectToPage(new { Search });
    }
}
