using System.ComponentModel.DataAnnotations;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Core;
using CustomerPortal.PortalStore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Areas.Identity.Pages.Account.Manage;

// The signed-in person's profile. Phone and job title are contact fields the customer owns; they are
// read and written through the data-source port for the user's own contact only (the scope's contact).
// Status mails are a portal-store preference of the user (StatusMails/), in a form of their own.
public sealed class IndexModel(IContactDirectory contacts, UserManager<PortalUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public bool HasContact { get; private set; }

    [BindProperty]
    [Display(Name = "Manage.StatusMails")]
    public bool WantsStatusMails { get; set; }

    public async Task<IActionResult> OnGetAsync(CustomerScope? scope, CancellationToken cancellationToken)
    {
        if (scope is not null && await contacts.GetOwnDetailsAsync(scope, cancellationToken) is { } details)
        {
            HasContact = true;
            Input = new InputModel { Phone = details.Phone, JobTitle = details.JobTitle };
            WantsStatusMails = (await users.GetUserAsync(User))?.WantsStatusMails == true;
        }

        return Page();
    }

    // Mails come in the language of the page the box was ticked on (the culture this request runs in).
    public async Task<IActionResult> OnPostStatusMailsAsync(CustomerScope? scope)
    {
        if (scope is null || await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        // Only a tampered post is invalid (a checkbox sends true or false): nothing is changed then.
        if (!ModelState.IsValid)
        {
            return RedirectToPage();
        }

        user.WantsStatusMails = WantsStatusMails;
        user.MailCulture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The status-mail preference could not be saved: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        StatusMessage = WantsStatusMails ? "Manage.StatusMailsOn" : "Manage.StatusMailsOff";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAsync(CustomerScope? scope, CancellationToken cancellationToken)
    {
        if (scope is null)
        {
            return NotFound();
        }

        HasContact = true;
        // The profile form does not post the status-mail box; a value tampered in anyway is not this form's
        // error, and left in ModelState the checkbox could not render it (it is not a boolean).
        ModelState.Remove(nameof(WantsStatusMails));
        if (!ModelState.IsValid)
        {
            // This form has no status-mail box: a tampered value for it must not reach the checkbox, which cannot show a non-boolean (500, found by the fuzz test).
            ModelState.Remove(nameof(WantsStatusMails));
            WantsStatusMails = (await users.GetUserAsync(User))?.WantsStatusMails == true;
            return Page();
        }

        if (!await contacts.UpdateOwnDetailsAsync(scope, new ContactDetails(Input.Phone, Input.JobTitle), cancellationToken))
        {
            return NotFound();
        }

        StatusMessage = "Manage.ProfileSaved";
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [StringLength(ContactDetails.MaxPhoneLength, ErrorMessage = "Validation.TooLong")]
        [RegularExpression(@"^[0-9+()./\- ]*$", ErrorMessage = "Manage.PhoneInvalid")]
        [Display(Name = "Contact.Phone")]
        public string? Phone { get; set; }

        [StringLength(ContactDetails.MaxJobTitleLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Contact.JobTitle")]
        public string? JobTitle { get; set; }
    }
}
