using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CustomerPortal.Core;
using CustomerPortal.Core.Products;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages.Products;

public sealed class IndexModel(IProductCatalog catalog) : PageModel
{
    // GET form: ?search=&size=&after=

    [BindProperty(SupportsGet = true)]
    [StringLength(ProductQuery.MaxSearchLength, ErrorMessage = "Validation.SearchTooLong")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Size { get; set; }

    // Opaque continuation token from the data source; a stale or tampered one just restarts the list.
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public ResultPage<CatalogProduct>? Products { get; private set; }

    public int PageSize => Core.PageSize.Normalize(Size);

    public bool HasSearch => !string.IsNullOrWhiteSpace(Search);

    public async Task<IActionResult> OnGetAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Products = await catalog.SearchAsync(scope, new ProductQuery(Search, PageSize, After), cancellationToken);
        return Page();
    }

    public Dictionary<string, string> SearchRoute(string? after = null)
    {
        var route = new Dictionary<string, string>();
        if (HasSearch)
        {
            route["search"] = Search!.Trim();
        }

        if (PageSize != Core.PageSize.Default)
        {
            route["size"] = PageSize.ToString(CultureInfo.InvariantCulture);
        }

        if (after is not null)
        {
            route["after"] = after;
        }

        return route;
    }
}
