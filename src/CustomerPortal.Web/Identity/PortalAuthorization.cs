using CustomerPortal.Core;
using Microsoft.AspNetCore.Authorization;

namespace CustomerPortal.Web.Identity;

// Who may open which page, in one place: the policies and the folders and pages they guard.
// Everything else needs a signed-in user (the fallback policy).
public static class PortalPolicies
{
    // Signed in *and* linked to a customer account: the pages that show customer data.
    public const string Customer = "Customer";

    // Portal administration: invitations, users, audit log.
    public const string Administrator = "Administrator";

    // A customer representative with a customer scope: manages the people of their own account.
    public const string Representative = "Representative";

    public static IMvcBuilder AddPortalAuthorization(this IMvcBuilder mvc)
    {
        ArgumentNullException.ThrowIfNull(mvc);
        mvc.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Customer, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => context.User.GetCustomerScope() is not null))
            .AddPolicy(Administrator, policy => policy.RequireRole(PortalRoles.Administrator))
            .AddPolicy(Representative, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.GetCustomerScope() is { SeesWholeAccount: true }));

        // After AddRazorPages: its own setup creates the conventions collection these go into.
        return mvc.AddRazorPagesOptions(options =>
        {
            var pages = options.Conventions;
            pages.AuthorizeFolder("/Orders", Customer);
            pages.AuthorizeFolder("/Invoices", Customer);
            pages.AuthorizeFolder("/Account", Customer);
            pages.AuthorizeFolder("/Products", Customer);
            pages.AuthorizeFolder("/Admin", Administrator);
            pages.AuthorizeFolder("/Team", Representative);
            pages.AllowAnonymousToPage("/Invitation");
            pages.AllowAnonymousToPage("/Error");
            pages.AllowAnonymousToPage("/StatusCode");
            pages.AllowAnonymousToPage("/Culture");
            pages.AllowAnonymousToFolder("/Public");
            foreach (var page in (string[])["LoginWith2fa", "Login", "Logout", "AccessDenied", "ForgotPassword", "ResetPassword", "Register"])
            {
                pages.AllowAnonymousToAreaPage("Identity", "/Account/" + page);
            }
        })
        .AddMvcOptions(options =>
        {
            // The customer scope arrives as a handler parameter, built from the claims (CustomerScopeBinding.cs).
            options.ModelBinderProviders.Insert(0, new CustomerScopeBinderProvider());
            options.Filters.Add(new CustomerScopeRequiredFilter());
        });
    }
}
