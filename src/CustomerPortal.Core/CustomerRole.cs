namespace CustomerPortal.Core;

// The customer-facing web roles of the Supply Chain Management customer portal template.
// Numbered from 1 so that a missing value never silently means a role.
public enum CustomerRole
{
    AuthorizedUser = 1,
    CustomerRepresentative = 2,
}
