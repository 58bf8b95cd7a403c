using System.ComponentModel.DataAnnotations;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Areas.Identity.Pages.Account.Manage;

// The signed-in person's profile. Phone and job title are contact fields the customer owns; they are
// read and written through the data-source port for the user's own contact only (the scope's contact).
public sealed class IndexModel(IContactDirectory contacts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public bool HasContact { get; private set; }

    public async Task<IActionResult> OnGetAsync(CustomerScope? scope, CancellationToken cancellationToken)
    {
        if (scope is not null && await contacts.GetOwnDetailsAsync(scope, cancellationToken) is { } details)
        {
            HasContact = true;
            Input = new InputModel { Phone = details.Phone, JobTitle = details.JobTitle };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CustomerScope? scope, CancellationToken cancellationToken)
    {
        if (scope is null)
        {
            return NotFound();
        }

        HasContact = true;
        if (!ModelState.IsValid)
        {
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
