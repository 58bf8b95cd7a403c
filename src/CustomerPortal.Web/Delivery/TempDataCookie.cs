using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Delivery;

// The header reads TempData on every signed-in page (the "Add to order" status), and ASP.NET Core's cookie provider
// answers every read of an empty TempData with a Set-Cookie deleting a cookie the browser never had: header bytes
// and work on each response for nothing. Only that case is skipped; saving messages and deleting a cookie the
// request did carry are the cookie provider's, unchanged.
public sealed class TempDataCookie(CookieTempDataProvider cookies, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (values is null or { Count: 0 } && options.Value.Cookie.Name is { } name && !context.Request.Cookies.ContainsKey(name))
        {
            return;
        }

        cookies.SaveTempData(context, values);
    }
}
