using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Web.Pages;

// Re-executed by UseStatusCodePagesWithReExecute for bodyless 4xx/5xx responses; the original
// status code is kept, only the body becomes friendly.
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => OnGet(code);
}
