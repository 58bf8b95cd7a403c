using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.PortalStore.Templates;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Ordering;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Orders.Templates;

// Who sees and who changes an order template, in one place for every template page.
public static class TemplateAccess
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The signed-in user in their scope's account and legal entity: the only key to the template store.
    public static TemplateViewer TemplateViewer(this ClaimsPrincipal user, CustomerScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return new TemplateViewer(user.UserId(), scope.AccountId, scope.CompanyId);
    }

    // The owner changes their own template. A shared one is the account's, so any representative of the
    // account changes it too; an authorized user only orders from it.
    public static bool MayChange(this ClaimsPrincipal user, OrderTemplate template, CustomerScope scope)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(scope);
        return template.OwnerUserId == user.UserId() || (template.IsShared && scope.SeesWholeAccount);
    }

    // A name a person can read back: no control characters (a NUL, an RTL override) and no broken
    // surrogate pairs, which PostgreSQL would refuse; and none the owner already uses.
    public static async Task CheckNameAsync(
        ModelStateDictionary modelState, string key, string? name, OrderTemplateStore templates, TemplateViewer owner, Guid? exceptId,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(templates);
        if (!modelState.IsValid || string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        if (name.Any(char.IsControl) || !IsWellFormed(name))
        {
            modelState.AddModelError(key, localizer["Templates.Validation.NameInvalid"]);
        }
        else if (await templates.NameTakenAsync(owner, name, exceptId, cancellationToken))
        {
            modelState.AddModelError(key, localizer["Templates.Validation.NameTaken", name.Trim()]);
        }
    }

    // A template line's quantity with its product's decimals; without a product (gone since), as few as it needs.
    public static string Quantity(decimal quantity, OrderableProduct? product) => product is null
        ? quantity.ToString("#,0.#####", CultureInfo.CurrentCulture)
        : DisplayFormat.Quantity(quantity, product.QuantityDecimals);

    private static bool IsWellFormed(string text)
    {
        try
        {
            StrictUtf8.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}

// The template name as the save and edit forms take it.
public sealed class TemplateNameInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(OrderTemplate.MaxNameLength, ErrorMessage = "Validation.TooLong")]
    public string? Name { get; set; }
}
