using System.Globalization;
using CustomerPortal.Web.Branding;
using CustomerPortal.Web.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Pages.Public;

// The pages anyone may read, signed in or not: /about (what the portal is and how to get access), /about/terms,
// /about/privacy and any page the company adds as a Markdown file (PublicPages). Home, terms and privacy have
// a built-in text until the company writes its own; any other unknown or malformed slug is a 404.
public sealed class IndexModel(PublicPages pages, IOptions<RegistrationOptions> registration) : PageModel
{
    public string Slug { get; private set; } = PublicPages.Home;

    // Null: the built-in text of a built-in page.
    public PublicPage? Written { get; private set; }

    public bool TakesAccessRequests => registration.Value.AllowSelfRegistration;

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public IActionResult OnGet(string? slug)
    {
        Slug = (slug ?? PublicPages.Home).ToLowerInvariant();
        if (!PublicPages.IsValidSlug(Slug))
        {
            return NotFound();
        }

        Written = pages.Find(Slug, CultureInfo.CurrentUICulture);
        return Written is null && !PublicPages.BuiltIn.Contains(Slug) ? NotFound() : Page();
    }
}
