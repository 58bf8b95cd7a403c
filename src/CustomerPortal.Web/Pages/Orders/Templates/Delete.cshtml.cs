using CustomerPortal.Core;
using CustomerPortal.PortalStore.Templates;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Orders.Templates;

// The second step of deleting a template: a page of its own, so the confirmation needs no JavaScript.
public sealed class DeleteModel(OrderTemplateStore templates, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public OrderTemplate Template { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CustomerScope scope, CancellationToken cancellationToken) =>
        await LoadAsync(scope, id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CustomerScope scope, CancellationToken cancellationToken)
    {
        if (await LoadAsync(scope, id, cancellationToken) is { } stop)
        {
            return stop;
        }

        await templates.DeleteAsync(User.TemplateViewer(scope), id, cancellationToken);
        TempData["StatusMessage"] = localizer["Templates.Deleted", Template.Name].Value;
        return RedirectToPage("./Index");
    }

    // Null when the template is loaded and the user may delete it; otherwise the answer to give instead.
    private async Task<IActionResult?> LoadAsync(CustomerScope scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await templates.FindVisibleAsync(User.TemplateViewer(scope), id, cancellationToken) is not { } template)
        {
            return NotFound();
        }

        Template = template;
        return User.MayChange(template, scope) ? null : Forbid();
    }
}
