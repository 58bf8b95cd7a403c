using Microsoft.AspNetCore.Html;

namespace CustomerPortal.Web.Pages.Shared;

// Inline SVG icons: no icon font, no extra request, and they inherit the text colour.
// Decorative only (aria-hidden); the text next to them carries the meaning.
public static class Icons
{
    public static readonly HtmlString Orders = Svg("<path d=\"M7 3h7l5 5v13H7z\"/><path d=\"M14 3v5h5\"/><path d=\"M10 12h6M10 16h6\"/>");
    public static readonly HtmlString Products = Svg("<path d=\"M12 3l8 4.5v9L12 21l-8-4.5v-9z\"/><path d=\"M4 7.5l8 4.5 8-4.5M12 12v9\"/>");
    public static readonly HtmlString Account = Svg("<path d=\"M5 21V5a1 1 0 0 1 1-1h8a1 1 0 0 1 1 1v16\"/><path d=\"M15 9h3a1 1 0 0 1 1 1v11\"/><path d=\"M3 21h18\"/><path d=\"M8.5 8h3M8.5 12h3M8.5 16h3\"/>");
    public static readonly HtmlString Administrator = Svg("<path d=\"M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6z\"/><path d=\"M9 12l2 2 4-4\"/>");
    public static readonly HtmlString User = Svg("<circle cx=\"12\" cy=\"8\" r=\"4\"/><path d=\"M4 21c0-4 3.6-6 8-6s8 2 8 6\"/>");
    public static readonly HtmlString Search = Svg("<circle cx=\"11\" cy=\"11\" r=\"7\"/><path d=\"M20 20l-4-4\"/>");
    public static readonly HtmlString ArrowRight = Svg("<path d=\"M5 12h14M13 6l6 6-6 6\"/>");
    public static readonly HtmlString ArrowLeft = Svg("<path d=\"M19 12H5M11 6l-6 6 6 6\"/>");
    public static readonly HtmlString Empty = Svg("<path d=\"M3 13l3-8h12l3 8v6H3z\"/><path d=\"M3 13h5l1 2h6l1-2h5\"/>");
    public static readonly HtmlString Info = Svg("<circle cx=\"12\" cy=\"12\" r=\"9\"/><path d=\"M12 11v5M12 8h.01\"/>");
    public static readonly HtmlString Warning = Svg("<path d=\"M12 4l9 16H3z\"/><path d=\"M12 10v4M12 17h.01\"/>");
    public static readonly HtmlString Globe = Svg("<circle cx=\"12\" cy=\"12\" r=\"9\"/><path d=\"M3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z\"/>");
    public static readonly HtmlString Truck = Svg("<path d=\"M3 6h11v10H3z\"/><path d=\"M14 9h4l3 3v4h-7\"/><circle cx=\"7\" cy=\"18\" r=\"2\"/><circle cx=\"17\" cy=\"18\" r=\"2\"/>");
    public static readonly HtmlString SignOut = Svg("<path d=\"M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3\"/><path d=\"M10 16l-4-4 4-4M6 12h10\"/>");
    public static readonly HtmlString Lock = Svg("<rect x=\"5\" y=\"11\" width=\"14\" height=\"10\" rx=\"2\"/><path d=\"M8 11V7a4 4 0 0 1 8 0v4\"/>");
    public static readonly HtmlString Logo = new(
        "<svg class=\"brand-mark\" viewBox=\"0 0 32 32\" width=\"28\" height=\"28\" aria-hidden=\"true\" focusable=\"false\">"
        + "<rect width=\"32\" height=\"32\" rx=\"8\" fill=\"currentColor\"/>"
        + "<path d=\"M16 7l8 4.5v9L16 25l-8-4.5v-9z M8 11.5l8 4.5 8-4.5 M16 16v9\" fill=\"none\" stroke=\"#fff\" stroke-width=\"2\" stroke-linejoin=\"round\"/></svg>");

    private static HtmlString Svg(string paths) => new(
        "<svg class=\"icon\" viewBox=\"0 0 24 24\" width=\"20\" height=\"20\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.75\" "
        + "stroke-linecap=\"round\" stroke-linejoin=\"round\" aria-hidden=\"true\" focusable=\"false\">" + paths + "</svg>");
}
