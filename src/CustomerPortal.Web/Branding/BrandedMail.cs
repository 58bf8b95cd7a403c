using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using System.Text.RegularExpressions;

namespace CustomerPortal.Web.Branding;

// Every mail the portal sends (invitations, password resets, access-request answers, status mails) in the
// brand's look: the text as written, signed with the portal's name, plus an HTML version with the name, the
// logo and the colours. Mail clients ignore stylesheets, so the HTML carries inline styles (the CSP governs
// pages, not mails).
//
// The logo travels inside the mail (an inline attachment, cid:) rather than as a link to the portal: mail
// clients show it without "load remote images", it works for a portal the recipient's network cannot reach,
// and nobody learns when a mail was opened. Many mail clients do not draw SVG: a PNG logo shows everywhere.
public static partial class BrandedMail
{
    private const string LogoContentId = "brand-logo";

    // The text part: the body, then the portal's (and company's) name as a signature.
    public static string Text(string body, string portalName, string? companyName) =>
        body.TrimEnd() + "\n\n-- \n" + (companyName is null ? portalName : $"{portalName} · {companyName}") + "\n";

    public static AlternateView Html(string body, Brand brand, string portalName)
    {
        ArgumentNullException.ThrowIfNull(brand);
        var (primary, accent) = (brand.Theme.Primary.Hex, brand.Theme.Accent.Hex);
        var font = WebUtility.HtmlEncode(brand.Theme.FontStack ?? "-apple-system, 'Segoe UI', Roboto, Arial, sans-serif");
        var logo = brand.Logo is null ? "" : $"<img src=\"cid:{LogoContentId}\" alt=\"\" height=\"32\" style=\"height:32px;vertical-align:middle;margin-right:10px\">";
        var paragraphs = string.Concat(Regex.Split(body.Trim().Replace("\r\n", "\n", StringComparison.Ordinal), @"\n\s*\n")
            .Select(p => $"<p style=\"margin:0 0 16px\">{Linked(WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal), accent)}</p>"));
        var footer = WebUtility.HtmlEncode(brand.CompanyName is null ? portalName : $"{portalName} · {brand.CompanyName}");
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>")
            .Append($"<body style=\"margin:0;padding:0;background:#f3f5f8;font-family:{font};color:#212529\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"max-width:640px;margin:0 auto\">")
            .Append($"<tr><td style=\"background:{primary};color:#ffffff;padding:16px 24px;font-size:18px;font-weight:600\">{logo}{WebUtility.HtmlEncode(portalName)}</td></tr>")
            .Append($"<tr><td style=\"background:#ffffff;padding:24px;font-size:15px;line-height:1.5;border-bottom:4px solid {accent}\">{paragraphs}</td></tr>")
            .Append($"<tr><td style=\"padding:16px 24px;font-size:12px;color:#5c636a\">{footer}</td></tr>")
            .Append("</table></body></html>")
            .ToString();
        var view = AlternateView.CreateAlternateViewFromString(html, Encoding.UTF8, MediaTypeNames.Text.Html);
        view.TransferEncoding = TransferEncoding.Base64;
        if (brand.Logo is { } file)
        {
            var resource = new LinkedResource(new MemoryStream(file.Content), file.ContentType) { ContentId = LogoContentId };
            view.LinkedResources.Add(resource);
        }

        return view;
    }

    // The links of the (already encoded) text as links in the accent colour.
    private static string Linked(string encoded, string color) =>
        UrlPattern().Replace(encoded, match => $"<a href=\"{match.Value}\" style=\"color:{color}\">{match.Value}</a>");

    [GeneratedRegex(@"https?://[^\s<]+")]
    private static partial Regex UrlPattern();
}
