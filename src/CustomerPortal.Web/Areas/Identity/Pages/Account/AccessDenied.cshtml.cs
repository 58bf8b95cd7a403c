using System.Security.Claims;
using CustomerPortal.Core.Contacts;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Areas.Identity.Pages.Account;

// Where the "Customer" policy sends administrators and users whose contact is not linked to a
// customer account yet: an explanation, with 403 kept as the status. For the latter it names the
// contact fields that are missing and who can fill them, as the order flow does.
public sealed class AccessDeniedModel(IContactAdministration contacts) : PageModel
{
    public string Reason { get; private set; } = "Other";

    public IReadOnlyList<MissingOrderingField> Missing { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Reason = User.Identity?.IsAuthenticated != true ? "Other"
            : User.IsAdministrator() ? "Administrator"
            : User.GetCustomerScope() is null ? "NoCustomer"
            : "Other";

        if (Reason == "NoCustomer"
            && Guid.TryParse(User.FindFirstValue(CustomerClaimTypes.ContactId), out var contactId)
            && await contacts.FindAsync(contactId, cancellationToken) is { } contact)
        {
            Missing = MissingFieldsOf(contact);
        }
    }

    private static List<MissingOrderingField> MissingFieldsOf(PortalContact contact)
    {
        var missing = new List<MissingOrderingField>();
        if (contact.CompanyId is null)
        {
            missing.Add(MissingOrderingField.For(OrderingField.Company));
        }

        if (contact.AccountId is null)
        {
            missing.Add(MissingOrderingField.For(OrderingField.CustomerAccount));
        }

        if (contact.PriceListId is null)
        {
            missing.Add(MissingOrderingField.For(OrderingField.PriceList));
        }

        return missing;
    }
}
